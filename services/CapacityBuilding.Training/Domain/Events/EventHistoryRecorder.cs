using CapacityBuilding.ServiceDefaults.Telemetry;
using CapacityBuilding.Training.Clients;
using CapacityBuilding.Training.Domain.Courses;
using CapacityBuilding.Training.Repositories;
using Grpc.Core;

namespace CapacityBuilding.Training.Domain.Events;

/// <summary>
/// Brings an event's steps to its request's history, oldest first. A step is stored with the event
/// first (the event's own write) and acknowledged here once assistance has recorded it, so a step
/// is never lost: when assistance cannot record it now, the step waits in <c>events:unrecorded</c>
/// and <see cref="UnrecordedStepsWorker"/> sends it again until it is recorded. The event's own
/// change stands either way: its caller is not failed for the history's sake.
/// </summary>
public sealed partial class EventHistoryRecorder(RedisDeliveryEventRepository events, RequestHistory history, ILogger<EventHistoryRecorder> logger)
{
    /// <summary>Sends the event's unrecorded steps in order; stops at the first that fails (logged).</summary>
    /// <returns>How many steps remain unrecorded.</returns>
    public async Task<int> RecordAsync(string eventId, CancellationToken cancellationToken)
    {
        if (await events.GetAsync(eventId) is not { } stored)
        {
            return 0;
        }

        var recorded = await events.RecordedStepsAsync(eventId);
        for (var index = recorded; index < stored.Steps.Count; index++)
        {
            var step = stored.Steps[index];
            try
            {
                await history.RecordAsync(CourseNames.AssistanceRequest.Format(stored.RequestId), CourseNames.DeliveryEvent.Format(eventId), stored.Days,
                    step.Action, step.Reason, cancellationToken);
            }
            // Whatever assistance answered, the step stays stored and unacknowledged: the worker retries it.
            catch (RpcException exception)
            {
                LogNotRecorded(logger, eventId, step.Action.ToString(), exception.StatusCode, exception.Status.Detail);
                return stored.Steps.Count - index;
            }

            await events.MarkRecordedAsync(eventId, index + 1);
        }

        return 0;
    }

    [LoggerMessage(EventId = EventIds.DeliveryStepNotRecorded, Level = LogLevel.Warning,
        Message = "Step {Action} of event {EventId} is not on its request's history yet ({StatusCode}: {Detail}); it will be retried")]
    private static partial void LogNotRecorded(ILogger logger, string eventId, string action, StatusCode statusCode, string detail);
}

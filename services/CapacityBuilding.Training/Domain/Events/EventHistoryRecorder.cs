using System.Diagnostics.Metrics;
using System.Text.Json;
using CapacityBuilding.ServiceDefaults.Telemetry;
using CapacityBuilding.Training.Clients;
using CapacityBuilding.Training.Domain.Courses;
using CapacityBuilding.Training.Repositories;
using Grpc.Core;

namespace CapacityBuilding.Training.Domain.Events;

/// <summary>
/// Brings an event's steps to its request's history, oldest first. A step is stored with the event
/// first (the event's own write) and acknowledged here once assistance has recorded it, so a step
/// is never lost. When assistance cannot record it now, the step waits in <c>events:unrecorded</c>
/// and <see cref="UnrecordedStepsWorker"/> sends it again after a delay that grows with each
/// failure; when assistance refuses it for good (<see cref="HistoryRefusals"/>), the event is
/// parked instead, shown so on the event and counted (<see cref="ParkedMetric"/>), and tried again
/// only with its next step. The event's own change stands either way: its caller is not failed for
/// the history's sake.
/// </summary>
public sealed partial class EventHistoryRecorder
{
    /// <summary>The meter of the delivery history, for the telemetry pipeline.</summary>
    public const string MeterName = "CapacityBuilding.Training.Delivery";

    /// <summary>Counter of the events parked because assistance refused a step for good.</summary>
    public const string ParkedMetric = "capacitybuilding.delivery.history.parked";

    private readonly RedisDeliveryEventRepository events;
    private readonly RequestHistory history;
    private readonly TimeProvider clock;
    private readonly ILogger<EventHistoryRecorder> logger;
    private readonly Counter<long> parked;

    public EventHistoryRecorder(RedisDeliveryEventRepository events, RequestHistory history, TimeProvider clock, IMeterFactory meters, ILogger<EventHistoryRecorder> logger)
    {
        this.events = events;
        this.history = history;
        this.clock = clock;
        this.logger = logger;
        parked = meters.Create(MeterName).CreateCounter<long>(ParkedMetric, unit: "{event}",
            description: "Delivery events parked because assistance refused one of their steps for good.");
    }

    /// <summary>Sends the event's unrecorded steps in order; stops at the first that fails (noted and logged).</summary>
    /// <returns>How many steps remain unrecorded.</returns>
    public async Task<int> RecordAsync(string eventId, CancellationToken cancellationToken)
    {
        if (await events.GetAsync(eventId) is not { } stored)
        {
            return 0;
        }

        var recorded = (await events.HistorySyncAsync(eventId)).RecordedSteps;
        for (var index = recorded; index < stored.Steps.Count; index++)
        {
            var step = stored.Steps[index];
            try
            {
                await history.RecordAsync(CourseNames.AssistanceRequest.Format(stored.RequestId), CourseNames.DeliveryEvent.Format(eventId), stored.Days,
                    step.Action, step.Reason, cancellationToken);
            }
            // Whatever assistance answered, the step stays stored and unacknowledged: retried later, or parked.
            catch (RpcException exception)
            {
                await NoteFailureAsync(eventId, index, step.Action.ToString(), exception);
                return stored.Steps.Count - index;
            }

            await events.MarkRecordedAsync(eventId, index + 1);
        }

        return 0;
    }

    private async Task NoteFailureAsync(string eventId, int index, string action, RpcException exception)
    {
        var forGood = HistoryRefusals.IsForGood(exception);
        await events.MarkFailedAsync(eventId, index, $"{JsonNamingPolicy.SnakeCaseUpper.ConvertName(exception.StatusCode.ToString())}: {exception.Status.Detail}", forGood, clock.GetUtcNow());
        if (forGood)
        {
            parked.Add(1);
            LogParked(logger, eventId, action, exception.StatusCode, exception.Status.Detail);
        }
        else
        {
            LogNotRecorded(logger, eventId, action, exception.StatusCode, exception.Status.Detail);
        }
    }

    [LoggerMessage(EventId = EventIds.DeliveryStepNotRecorded, Level = LogLevel.Warning,
        Message = "Step {Action} of event {EventId} is not on its request's history yet ({StatusCode}: {Detail}); it will be retried")]
    private static partial void LogNotRecorded(ILogger logger, string eventId, string action, StatusCode statusCode, string detail);

    [LoggerMessage(EventId = EventIds.DeliveryStepParked, Level = LogLevel.Error,
        Message = "Step {Action} of event {EventId} was refused by its request's history for good ({StatusCode}: {Detail}); the event is parked until its next step")]
    private static partial void LogParked(ILogger logger, string eventId, string action, StatusCode statusCode, string detail);
}

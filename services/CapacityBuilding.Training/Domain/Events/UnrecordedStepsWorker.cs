using CapacityBuilding.ServiceDefaults.Telemetry;
using CapacityBuilding.Training.Repositories;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace CapacityBuilding.Training.Domain.Events;

/// <summary>
/// In the background, every <see cref="DeliveryHistoryOptions.RetryInterval"/>: sends again the
/// steps of events that did not reach their request's history when they were made (assistance
/// away, or not yet able to record them) once they are due, longest due first. A step is due one
/// interval after it was made (before that it is left to the call that made it), then after each
/// failure twice as long as before, up to <see cref="DeliveryHistoryOptions.MaxRetryInterval"/>;
/// a parked event is not due (<see cref="EventHistoryRecorder"/>).
/// </summary>
public sealed partial class UnrecordedStepsWorker(
    RedisDeliveryEventRepository events,
    EventHistoryRecorder recorder,
    IOptions<DeliveryHistoryOptions> options,
    TimeProvider clock,
    ILogger<UnrecordedStepsWorker> logger) : BackgroundService
{
    private const int Batch = 100;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.RetryInterval;
        using var timer = new PeriodicTimer(interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                foreach (var eventId in await events.UnrecordedAsync(clock.GetUtcNow(), Batch))
                {
                    if (await recorder.RecordAsync(eventId, stoppingToken) == 0)
                    {
                        LogRecordedLate(logger, eventId);
                    }
                }
            }
            // Redis away: the next tick tries again; the steps are safe in Redis.
            catch (RedisException exception)
            {
                LogWaiting(logger, exception.Message);
            }
        }
    }

    [LoggerMessage(EventId = EventIds.DeliveryStepsRecordedLate, Level = LogLevel.Information, Message = "Every step of event {EventId} is now on its request's history")]
    private static partial void LogRecordedLate(ILogger logger, string eventId);

    [LoggerMessage(EventId = EventIds.DeliveryStepsWaiting, Level = LogLevel.Warning, Message = "Recording delivery steps on request histories must wait for Redis: {Reason}")]
    private static partial void LogWaiting(ILogger logger, string reason);
}

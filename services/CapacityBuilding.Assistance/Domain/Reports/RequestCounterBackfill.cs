using CapacityBuilding.Assistance.Repositories;
using CapacityBuilding.ServiceDefaults.Redis;
using CapacityBuilding.ServiceDefaults.Telemetry;
using StackExchange.Redis;

namespace CapacityBuilding.Assistance.Domain.Reports;

/// <summary>
/// Once per Redis database: adds the requests stored before the pipeline and coverage counters
/// existed to them (<see cref="RequestCounters"/>). Each request is added by a script that checks
/// it is not counted yet and unchanged since it was read, so a write racing the backfill, or a
/// second run after a crash, counts it exactly once. The marker key
/// <c>migrations:request-counters</c> records that it is done (<see cref="OneTimeMigration"/>).
/// </summary>
public sealed partial class RequestCounterBackfill(
    RedisAssistanceRequestRepository requests, RedisRequestCounterRepository counters, RedisKeyspace keyspace, ILogger<RequestCounterBackfill> logger)
    : OneTimeMigration(keyspace)
{
    protected override RedisKey Done => "migrations:request-counters";

    protected override Task<int> MigrateAsync(CancellationToken cancellationToken) =>
        EarlierRequests.CountEachOnceAsync(requests, counters, counters.CountOnceAsync, cancellationToken);

    protected override void LogMigrated(int count) => LogCounted(logger, count);

    protected override void LogWaitingForRedis(string reason) => LogRetry(logger, reason);

    [LoggerMessage(EventId = EventIds.RequestCountersBackfilled, Level = LogLevel.Information, Message = "Added {Count} earlier requests to the pipeline and coverage counters")]
    private static partial void LogCounted(ILogger logger, int count);

    [LoggerMessage(EventId = EventIds.RequestCountersBackfillWaiting, Level = LogLevel.Warning, Message = "Counting earlier requests must wait for Redis: {Reason}")]
    private static partial void LogRetry(ILogger logger, string reason);
}

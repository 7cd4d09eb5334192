using CapacityBuilding.Assistance.Repositories;
using CapacityBuilding.ServiceDefaults.Redis;
using CapacityBuilding.ServiceDefaults.Telemetry;
using StackExchange.Redis;

namespace CapacityBuilding.Assistance.Domain.Reports;

/// <summary>
/// Once per Redis database: adds the requests stored before the budget sums existed to them
/// (<see cref="BudgetCounters"/>), as <see cref="RequestCounterBackfill"/> does for the pipeline
/// counters: each by a script that checks it is not in the sums yet (<c>requests:budgets:counted</c>)
/// and unchanged since it was read, so a racing write or a second run counts it exactly once.
/// The marker key <c>migrations:budget-counters</c> records that it is done.
/// </summary>
public sealed partial class BudgetCounterBackfill(
    RedisAssistanceRequestRepository requests, RedisRequestCounterRepository counters, RedisKeyspace keyspace, ILogger<BudgetCounterBackfill> logger)
    : OneTimeMigration(keyspace)
{
    protected override RedisKey Done => "migrations:budget-counters";

    protected override Task<int> MigrateAsync(CancellationToken cancellationToken) =>
        EarlierRequests.CountEachOnceAsync(requests, counters, counters.CountBudgetOnceAsync, cancellationToken);

    protected override void LogMigrated(int count) => LogCounted(logger, count);

    protected override void LogWaitingForRedis(string reason) => LogRetry(logger, reason);

    [LoggerMessage(EventId = EventIds.BudgetCountersBackfilled, Level = LogLevel.Information, Message = "Added {Count} earlier requests to the budget sums")]
    private static partial void LogCounted(ILogger logger, int count);

    [LoggerMessage(EventId = EventIds.BudgetCountersBackfillWaiting, Level = LogLevel.Warning, Message = "Adding earlier requests to the budget sums must wait for Redis: {Reason}")]
    private static partial void LogRetry(ILogger logger, string reason);
}

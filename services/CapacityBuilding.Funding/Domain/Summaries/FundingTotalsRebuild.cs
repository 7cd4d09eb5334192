using CapacityBuilding.Funding.Repositories;
using CapacityBuilding.ServiceDefaults.Redis;
using CapacityBuilding.ServiceDefaults.Telemetry;
using StackExchange.Redis;

namespace CapacityBuilding.Funding.Domain.Summaries;

/// <summary>
/// Once per Redis database: counts the allocations and pledges stored before the report totals
/// existed (<see cref="ReportTotals"/>) into them, and the requests their donors fund into the
/// donors' funded requests. Each record is counted by a script that reads its ledger and adds it in
/// one step and marks it counted, so writes going on meanwhile are counted exactly once, and a run
/// cut short is simply run again. Records are walked a page at a time, so memory stays bounded
/// whatever their number. The marker key <c>migrations:funding-totals</c> records that it is done
/// (<see cref="OneTimeMigration"/>); until then the reports miss the money not yet counted.
/// </summary>
public sealed partial class FundingTotalsRebuild(
    RedisAllocationRepository allocations,
    RedisPledgeRepository pledges,
    RedisDonorRepository donors,
    RedisFundingTotalsRepository totals,
    RedisKeyspace keyspace,
    ILogger<FundingTotalsRebuild> logger) : OneTimeMigration(keyspace)
{
    /// <summary>Records counted at a time: their scripts go out together, not one round trip each.</summary>
    private const int Batch = 500;

    protected override RedisKey Done => "migrations:funding-totals";

    protected override async Task<int> MigrateAsync(CancellationToken cancellationToken)
    {
        var counted = 0;
        var pending = new List<Task<bool>>(Batch);
        await foreach (var allocation in allocations.AllAsync())
        {
            pending.Add(totals.CountOnceAsync(allocation.Allocation));
            counted += await DrainWhenFullAsync(pending);
        }

        await foreach (var pledge in pledges.AllAsync(await donors.AllIdsAsync()))
        {
            pending.Add(totals.CountOnceAsync(pledge.Pledge));
            counted += await DrainWhenFullAsync(pending);
        }

        return counted + (await Task.WhenAll(pending)).Count(wasCounted => wasCounted);
    }

    protected override void LogMigrated(int count) => LogCounted(logger, count);

    protected override void LogWaitingForRedis(string reason) => LogRetry(logger, reason);

    private static async Task<int> DrainWhenFullAsync(List<Task<bool>> pending)
    {
        if (pending.Count < Batch)
        {
            return 0;
        }

        var counted = (await Task.WhenAll(pending)).Count(wasCounted => wasCounted);
        pending.Clear();
        return counted;
    }

    [LoggerMessage(EventId = EventIds.FundingTotalsRebuilt, Level = LogLevel.Information, Message = "Counted {Count} older allocations and pledges into the report totals")]
    private static partial void LogCounted(ILogger logger, int count);

    [LoggerMessage(EventId = EventIds.FundingTotalsRebuildWaiting, Level = LogLevel.Warning, Message = "Counting older allocations and pledges into the report totals must wait for Redis: {Reason}")]
    private static partial void LogRetry(ILogger logger, string reason);
}

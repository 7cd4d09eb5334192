using CapacityBuilding.Assistance.Repositories;
using CapacityBuilding.ServiceDefaults.Redis;
using CapacityBuilding.ServiceDefaults.Telemetry;
using StackExchange.Redis;

namespace CapacityBuilding.Assistance.Domain.Approvals;

/// <summary>
/// Once per Redis database and set of active states: adds the active requests stored before the
/// overlap index (<see cref="OverlapIndex"/>) to it, a batch at a time. Each request is added by a
/// script that checks it is unchanged since it was read, so a write racing the backfill leaves
/// no stale member; adding again after a crash changes nothing. Until the marker
/// <see cref="OverlapIndex.Built"/> is set, <see cref="OverlapFinder"/> reads the state's requests instead.
/// </summary>
public sealed partial class OverlapIndexBackfill(
    RedisOverlapIndexRepository index, RedisAssistanceRequestRepository requests, RedisKeyspace keyspace, ILogger<OverlapIndexBackfill> logger)
    : OneTimeMigration(keyspace)
{
    protected override RedisKey Done => OverlapIndex.Built;

    protected override async Task<int> MigrateAsync(CancellationToken cancellationToken)
    {
        var added = 0;
        await foreach (var ids in index.ActiveIdsAsync().WithCancellation(cancellationToken))
        {
            var outcomes = await Task.WhenAll(ids.Select(AddAsync));
            added += outcomes.Count(outcome => outcome == OverlapIndexAddOutcome.Added);
        }

        return added;
    }

    private async Task<OverlapIndexAddOutcome> AddAsync(string id)
    {
        while (await requests.GetAsync(id) is { } request && ActiveRequests.Includes(request))
        {
            var outcome = await index.AddAsync(request);
            if (outcome != OverlapIndexAddOutcome.Stale)
            {
                return outcome;
            }
        }

        return OverlapIndexAddOutcome.NotFound;
    }

    protected override void LogMigrated(int count) => LogAdded(logger, count);

    protected override void LogWaitingForRedis(string reason) => LogRetry(logger, reason);

    [LoggerMessage(EventId = EventIds.OverlapIndexBackfilled, Level = LogLevel.Information, Message = "Added {Count} earlier active requests to the overlap index")]
    private static partial void LogAdded(ILogger logger, int count);

    [LoggerMessage(EventId = EventIds.OverlapIndexBackfillWaiting, Level = LogLevel.Warning, Message = "Building the overlap index must wait for Redis: {Reason}")]
    private static partial void LogRetry(ILogger logger, string reason);
}

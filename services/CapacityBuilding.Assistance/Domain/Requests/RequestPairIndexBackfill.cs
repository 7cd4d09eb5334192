using CapacityBuilding.Assistance.Repositories;
using CapacityBuilding.ServiceDefaults.Redis;
using CapacityBuilding.ServiceDefaults.Telemetry;
using StackExchange.Redis;

namespace CapacityBuilding.Assistance.Domain.Requests;

/// <summary>
/// Once per Redis database: adds the requests stored before the pair indexes existed
/// (<see cref="RequestIndexes"/>) to them, walking every request 500 at a time, oldest first.
/// Each request is added by a script that checks it is unchanged since it was read (a write
/// racing the backfill has indexed its new version itself), and adding is idempotent, so a second
/// run after a crash changes nothing. Listings use pair indexes only once the marker key
/// <c>migrations:request-pair-index</c> exists (<see cref="OneTimeMigration"/>).
/// </summary>
public sealed partial class RequestPairIndexBackfill(
    RedisAssistanceRequestRepository requests, RedisRequestCounterRepository counters, RedisKeyspace keyspace, ILogger<RequestPairIndexBackfill> logger)
    : OneTimeMigration(keyspace)
{
    protected override RedisKey Done => RequestIndexes.PairsMigrated;

    protected override async Task<int> MigrateAsync(CancellationToken cancellationToken)
    {
        var indexed = 0;
        await foreach (var ids in counters.AllIdsAsync().WithCancellation(cancellationToken))
        {
            foreach (var request in await requests.GetManyAsync(ids))
            {
                var current = request;
                while (await requests.IndexAsync(current) == IndexOutcome.Stale && await requests.GetAsync(current.Id) is { } reread)
                {
                    current = reread;
                }

                indexed++;
            }
        }

        return indexed;
    }

    protected override void LogMigrated(int count) => LogIndexed(logger, count);

    protected override void LogWaitingForRedis(string reason) => LogRetry(logger, reason);

    [LoggerMessage(EventId = EventIds.RequestPairIndexBackfilled, Level = LogLevel.Information, Message = "Added {Count} earlier requests to the listing indexes of filter pairs")]
    private static partial void LogIndexed(ILogger logger, int count);

    [LoggerMessage(EventId = EventIds.RequestPairIndexBackfillWaiting, Level = LogLevel.Warning, Message = "Indexing earlier requests by filter pairs must wait for Redis: {Reason}")]
    private static partial void LogRetry(ILogger logger, string reason);
}

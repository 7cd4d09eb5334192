using CapacityBuilding.Funding.Repositories;
using CapacityBuilding.ServiceDefaults.Redis;
using CapacityBuilding.ServiceDefaults.Telemetry;
using StackExchange.Redis;

namespace CapacityBuilding.Funding.Domain.Allocations;

/// <summary>
/// Once per Redis database: puts allocations made before the per-donor index existed into it, so
/// that a donor's listing (and the assistance requests its money funds) includes them. The marker
/// key <c>migrations:donor-allocation-index</c> records that it is done (<see cref="OneTimeMigration"/>).
/// </summary>
public sealed partial class DonorIndexBackfill(RedisAllocationRepository allocations, RedisKeyspace keyspace, ILogger<DonorIndexBackfill> logger)
    : OneTimeMigration(keyspace)
{
    protected override RedisKey Done => "migrations:donor-allocation-index";

    protected override Task<int> MigrateAsync(CancellationToken cancellationToken) => allocations.IndexByDonorAsync();

    protected override void LogMigrated(int count) => LogIndexed(logger, count);

    protected override void LogWaitingForRedis(string reason) => LogRetry(logger, reason);

    [LoggerMessage(EventId = EventIds.DonorIndexBackfilled, Level = LogLevel.Information, Message = "Indexed {Count} allocations by donor")]
    private static partial void LogIndexed(ILogger logger, int count);

    [LoggerMessage(EventId = EventIds.DonorIndexBackfillWaiting, Level = LogLevel.Warning, Message = "Indexing allocations by donor must wait for Redis: {Reason}")]
    private static partial void LogRetry(ILogger logger, string reason);
}

using CapacityBuilding.Funding.Repositories;
using CapacityBuilding.ServiceDefaults.Redis;
using CapacityBuilding.ServiceDefaults.Telemetry;
using StackExchange.Redis;

namespace CapacityBuilding.Funding.Domain.Allocations;

/// <summary>
/// Once per Redis database: puts allocations made before the per-donor index existed into it, so
/// that a donor's listing (and the assistance requests its money funds) includes them. Runs in
/// the background at start-up and retries while Redis is away; the marker key
/// <c>migrations:donor-allocation-index</c> records that it is done.
/// </summary>
public sealed partial class DonorIndexBackfill(RedisAllocationRepository allocations, RedisKeyspace keyspace, ILogger<DonorIndexBackfill> logger)
    : BackgroundService
{
    private static readonly RedisKey Done = "migrations:donor-allocation-index";
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await keyspace.Database.KeyExistsAsync(Done))
                {
                    return;
                }

                var indexed = await allocations.IndexByDonorAsync();
                await keyspace.Database.StringSetAsync(Done, DateTimeOffset.UtcNow.ToString("O"));
                LogIndexed(logger, indexed);
                return;
            }
            catch (RedisException exception)
            {
                LogRetry(logger, exception.Message);
                await Task.Delay(RetryDelay, stoppingToken);
            }
        }
    }

    [LoggerMessage(EventId = EventIds.DonorIndexBackfilled, Level = LogLevel.Information, Message = "Indexed {Count} allocations by donor")]
    private static partial void LogIndexed(ILogger logger, int count);

    [LoggerMessage(EventId = EventIds.DonorIndexBackfillWaiting, Level = LogLevel.Warning, Message = "Indexing allocations by donor must wait for Redis: {Reason}")]
    private static partial void LogRetry(ILogger logger, string reason);
}

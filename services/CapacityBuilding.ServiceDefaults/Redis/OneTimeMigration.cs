using Microsoft.Extensions.Hosting;
using StackExchange.Redis;

namespace CapacityBuilding.ServiceDefaults.Redis;

/// <summary>
/// A data migration that runs once per Redis database, in the background at start-up: it retries
/// while Redis is away and records that it is done in a marker key (<see cref="Done"/>), so later
/// starts skip it. The migration itself must be safe to run again after a crash part-way.
/// </summary>
public abstract class OneTimeMigration(RedisKeyspace keyspace) : BackgroundService
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(5);

    /// <summary>The marker key, under the service's prefix, e.g. <c>migrations:donor-allocation-index</c>.</summary>
    protected abstract RedisKey Done { get; }

    /// <summary>Migrates the data; returns how many items it changed, for the log.</summary>
    protected abstract Task<int> MigrateAsync(CancellationToken cancellationToken);

    protected abstract void LogMigrated(int count);

    protected abstract void LogWaitingForRedis(string reason);

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

                var migrated = await MigrateAsync(stoppingToken);
                await keyspace.Database.StringSetAsync(Done, DateTimeOffset.UtcNow.ToString("O"));
                LogMigrated(migrated);
                return;
            }
            catch (RedisException exception)
            {
                LogWaitingForRedis(exception.Message);
                await Task.Delay(RetryDelay, stoppingToken);
            }
        }
    }
}

using System.Threading.RateLimiting;

namespace CapacityBuilding.Gateway.Security;

/// <summary>
/// A token bucket per partition key of a <see cref="PartitionedRateLimiter"/>, as
/// <see cref="RateLimitPartition.GetTokenBucketLimiter{TKey}"/> makes them, but with the bucket's
/// factory made once: GetTokenBucketLimiter wraps the factory it is given in a new closure on every
/// call, two allocations per call and limiter on the gateway's hot path. As there, the buckets have
/// no timers of their own: the partitioned limiter refills them all from its one timer.
/// </summary>
internal sealed class TokenBuckets<TKey>
{
    private readonly Func<TKey, RateLimiter> create;

    public TokenBuckets(int burstLimit, int permitsPerPeriod, TimeSpan period)
    {
        var options = new TokenBucketRateLimiterOptions
        {
            TokenLimit = burstLimit,
            TokensPerPeriod = permitsPerPeriod,
            ReplenishmentPeriod = period,
            QueueLimit = 0,
            AutoReplenishment = false,
        };
        create = _ => new TokenBucketRateLimiter(options);
    }

    public RateLimitPartition<TKey> For(TKey key) => new(key, create);
}

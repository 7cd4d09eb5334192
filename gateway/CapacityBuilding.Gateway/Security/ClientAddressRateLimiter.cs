using System.Net;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace CapacityBuilding.Gateway.Security;

/// <summary>
/// The token buckets of <see cref="ClientAddressRateLimitMiddleware"/>, one per client address,
/// found by the address itself, not its text, so a call allocates nothing for it. A singleton of
/// its own so that the container disposes the partitioned limiter (and its refill timer) with the
/// host, which it does not do for a middleware.
/// </summary>
internal sealed class ClientAddressRateLimiter : IDisposable
{
    public ClientAddressRateLimiter(IOptions<RateLimitingOptions> rateLimiting)
    {
        var options = rateLimiting.Value;
        var buckets = new TokenBuckets<IPAddress>(options.PerAddressBurstLimit, options.PerAddressPermitsPerSecond, TimeSpan.FromSeconds(1));
        Limiter = PartitionedRateLimiter.Create<HttpContext, IPAddress>(context => buckets.For(context.Connection.RemoteIpAddress ?? IPAddress.None));
    }

    public PartitionedRateLimiter<HttpContext> Limiter { get; }

    public void Dispose() => Limiter.Dispose();
}

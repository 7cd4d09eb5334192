using System.Net;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace CapacityBuilding.Gateway.Security;

/// <summary>
/// A token bucket per client address, taken before authentication: a flood without a token, with
/// bad tokens or on an open endpoint costs the gateway one bucket look-up per request, not a token
/// validation and a route. The address is the connection's, or the one a trusted ingress proxy
/// forwarded (<see cref="IngressForwardedHeaders"/>), never a header any client can write. The
/// bucket is found by the address itself, not its text, so a call allocates nothing for it.
/// </summary>
internal sealed class ClientAddressRateLimitMiddleware : IMiddleware, IDisposable
{
    private readonly PartitionedRateLimiter<HttpContext> limiter;

    public ClientAddressRateLimitMiddleware(IOptions<RateLimitingOptions> rateLimiting)
    {
        var options = rateLimiting.Value;
        var buckets = new TokenBuckets<IPAddress>(options.PerAddressBurstLimit, options.PerAddressPermitsPerSecond, TimeSpan.FromSeconds(1));
        limiter = PartitionedRateLimiter.Create<HttpContext, IPAddress>(context => buckets.For(context.Connection.RemoteIpAddress ?? IPAddress.None));
    }

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        using var lease = limiter.AttemptAcquire(context);
        if (!lease.IsAcquired)
        {
            await RateLimitRejection.WriteAsync(context, lease, context.RequestAborted);
            return;
        }

        await next(context);
    }

    public void Dispose() => limiter.Dispose();
}

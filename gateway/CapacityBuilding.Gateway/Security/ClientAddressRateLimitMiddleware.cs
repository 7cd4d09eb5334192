namespace CapacityBuilding.Gateway.Security;

/// <summary>
/// A token bucket per client address (<see cref="ClientAddressRateLimiter"/>), taken before
/// authentication: a flood without a token, with bad tokens or on an open endpoint costs the
/// gateway one bucket look-up per request, not a token validation and a route. The address is the
/// connection's, or the one a trusted ingress proxy forwarded (<see cref="IngressForwardedHeaders"/>),
/// never a header any client can write. A conventional middleware, made once with the pipeline:
/// as an <c>IMiddleware</c> it was asked of the request's services on every call.
/// </summary>
internal sealed class ClientAddressRateLimitMiddleware(RequestDelegate next, ClientAddressRateLimiter limiter)
{
    public Task InvokeAsync(HttpContext context)
    {
        // A token bucket takes its permit when it grants it and takes nothing back when the lease
        // ends, so the lease ends here rather than after the call: no state machine kept per call.
        using var lease = limiter.Limiter.AttemptAcquire(context);
        return lease.IsAcquired ? next(context) : RateLimitRejection.WriteAsync(context, lease, context.RequestAborted).AsTask();
    }
}

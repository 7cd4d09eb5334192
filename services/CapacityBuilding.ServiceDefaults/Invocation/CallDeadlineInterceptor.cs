using Grpc.Core;
using Grpc.Core.Interceptors;

namespace CapacityBuilding.ServiceDefaults.Invocation;

/// <summary>
/// Ends a cross-service call at <see cref="InvocationOptions.CallDeadline"/> at the latest, so that
/// a hung downstream service turns into DEADLINE_EXCEEDED instead of a caller waiting for ever
/// or for as long as its own caller allowed (the gateway gives every call 30 s, and one read of
/// another app should never take that long). A shorter deadline propagated from the incoming call wins.
/// </summary>
internal sealed class CallDeadlineInterceptor(TimeSpan callDeadline) : Interceptor
{
    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(
        TRequest request, ClientInterceptorContext<TRequest, TResponse> context,
        AsyncUnaryCallContinuation<TRequest, TResponse> continuation)
    {
        var latest = DateTime.UtcNow + callDeadline;
        if (context.Options.Deadline is not { } deadline || deadline > latest)
        {
            context = new ClientInterceptorContext<TRequest, TResponse>(context.Method, context.Host, context.Options.WithDeadline(latest));
        }

        return continuation(request, context);
    }
}

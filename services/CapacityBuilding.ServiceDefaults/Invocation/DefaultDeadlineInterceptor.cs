using Grpc.Core;
using Grpc.Core.Interceptors;

namespace CapacityBuilding.ServiceDefaults.Invocation;

/// <summary>
/// Gives a cross-service call a deadline when nothing upstream set one, so that a hung
/// downstream service turns into DEADLINE_EXCEEDED instead of a caller waiting for ever. A
/// deadline propagated from the incoming call is shorter or equal and wins.
/// </summary>
internal sealed class DefaultDeadlineInterceptor(TimeSpan defaultDeadline) : Interceptor
{
    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(
        TRequest request, ClientInterceptorContext<TRequest, TResponse> context,
        AsyncUnaryCallContinuation<TRequest, TResponse> continuation)
    {
        if (context.Options.Deadline is null)
        {
            context = new ClientInterceptorContext<TRequest, TResponse>(
                context.Method, context.Host, context.Options.WithDeadline(DateTime.UtcNow + defaultDeadline));
        }

        return continuation(request, context);
    }
}

using Grpc.Core;
using Grpc.Core.Interceptors;

namespace CapacityBuilding.ServiceDefaults.Invocation;

/// <summary>
/// Carries the token of the person this process acts for (<see cref="ICallerToken"/>: a service's
/// incoming caller, the portal's signed-in user) on cross-service calls, so the called service
/// authorizes the person who asked, not the app that relays, and validates the token itself.
/// A client registered with <see cref="InvocationServiceCollectionExtensions.CallAsService"/> sends
/// the app's own token instead (<see cref="ServiceIdentityInterceptor"/>).
/// </summary>
internal sealed class CallerPropagationInterceptor(ICallerToken callerToken) : Interceptor
{
    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(
        TRequest request, ClientInterceptorContext<TRequest, TResponse> context,
        AsyncUnaryCallContinuation<TRequest, TResponse> continuation)
    {
        var authorization = callerToken.Authorization();
        if (!string.IsNullOrEmpty(authorization) && context.Options.Headers?.Get("authorization") is null)
        {
            var headers = new Metadata();
            foreach (var entry in context.Options.Headers ?? [])
            {
                headers.Add(entry);
            }

            headers.Add("authorization", authorization);
            context = new ClientInterceptorContext<TRequest, TResponse>(context.Method, context.Host, context.Options.WithHeaders(headers));
        }

        return continuation(request, context);
    }
}

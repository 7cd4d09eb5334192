using CapacityBuilding.ServiceDefaults.Identity;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace CapacityBuilding.ServiceDefaults.Invocation;

/// <summary>
/// Sends the app's own token (<see cref="ServiceTokens"/>) instead of its caller's, for reads the
/// app makes as itself: the called app then does not apply the caller's rules (and does not ask
/// back what they need), so the calling app applies them to what it read.
/// </summary>
internal sealed class ServiceIdentityInterceptor(ServiceTokens tokens) : Interceptor
{
    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(
        TRequest request, ClientInterceptorContext<TRequest, TResponse> context,
        AsyncUnaryCallContinuation<TRequest, TResponse> continuation)
    {
        var headers = new Metadata();
        foreach (var entry in context.Options.Headers ?? [])
        {
            if (entry.Key != "authorization")
            {
                headers.Add(entry);
            }
        }

        headers.Add("authorization", "Bearer " + tokens.Current());
        return continuation(request, new ClientInterceptorContext<TRequest, TResponse>(context.Method, context.Host, context.Options.WithHeaders(headers)));
    }
}

using Grpc.Core;
using Grpc.Core.Interceptors;

namespace CapacityBuilding.ServiceDefaults.Validation;

/// <summary>
/// An interceptor that looks at the request message before the handler runs, for every method
/// that has one request (unary and server-streaming: all the suite's methods). A check throws to
/// refuse the call; it may also rewrite the message in place.
/// </summary>
public abstract class RequestMessageInterceptor : Interceptor
{
    public sealed override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        Inspect(request);
        return continuation(request, context);
    }

    public sealed override Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Inspect(request);
        return continuation(request, responseStream, context);
    }

    protected abstract void Inspect<TRequest>(TRequest request);
}

using CapacityBuilding.ServiceDefaults.Errors;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace CapacityBuilding.ServiceDefaults.Identity;

/// <summary>
/// Refuses a call whose caller's role the service's <see cref="MethodPermissions"/> does not list
/// for the method, whatever kind of method it is: an Interceptor passes a kind it does not
/// override straight through, so all four are overridden and a streaming method added later is
/// closed like any other until its table says who may call it.
/// </summary>
public sealed class MethodPermissionInterceptor(IEnumerable<MethodPermissions> tables, ApiErrors errors) : Interceptor
{
    private readonly MethodPermissions[] tables = [.. tables];

    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        Authorize(context);
        return continuation(request, context);
    }

    public override Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Authorize(context);
        return continuation(request, responseStream, context);
    }

    public override Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context,
        ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Authorize(context);
        return continuation(requestStream, context);
    }

    public override Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Authorize(context);
        return continuation(requestStream, responseStream, context);
    }

    private void Authorize(ServerCallContext context)
    {
        // Health and reflection are not the service's own methods and stay open to probes and tools.
        if (!tables.Any(table => table.Methods.Contains(context.Method)) && IsInfrastructure(context.Method))
        {
            return;
        }

        var caller = context.GetCaller();
        if (!tables.Any(table => table.Allows(context.Method, caller.Role)))
        {
            throw errors.PermissionDenied($"The role {CallerClaims.ClaimValueOf(caller.Role)} may not call this method.");
        }
    }

    private static bool IsInfrastructure(string method) =>
        method.StartsWith("/grpc.health.v1.", StringComparison.Ordinal) || method.StartsWith("/grpc.reflection.", StringComparison.Ordinal);
}

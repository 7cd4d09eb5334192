using System.Diagnostics;
using CapacityBuilding.ServiceDefaults.Errors;
using CapacityBuilding.ServiceDefaults.Telemetry;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CapacityBuilding.ServiceDefaults.Identity;

/// <summary>
/// A service takes a call only from an app of the suite relaying it: a user's token alone, stolen
/// or not, does not open a service; only the gateway (or another app) does. The relaying app is
/// named by its own service token in <see cref="RelayingAppHeader"/> (Direct mode; a token that is
/// there but fails validation refuses the call whatever else it carries), or else by the Dapr
/// sidecar (<see cref="DaprSidecarIdentity"/>). Without either the call is UNAUTHENTICATED with
/// <see cref="ErrorReasons.RelayingAppRequired"/>. The relaying app is kept on the call
/// (<see cref="RelayingApp"/>, <see cref="Caller.RelayedBy"/>), in the log scope and on the trace;
/// which app may relay which method is the Dapr access policies' and NetworkPolicies' concern, not
/// this one's. Every kind of method is guarded; open endpoints (health, reflection) are left alone.
/// </summary>
public sealed partial class RelayingAppInterceptor(DaprSidecarIdentity sidecar, ApiErrors errors, ILogger<RelayingAppInterceptor> logger) : Interceptor
{
    private const string TraceTag = "capacitybuilding.relayed_by";

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        using var scope = Scope(await EstablishAsync(context));
        return await continuation(request, context);
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        using var scope = Scope(await EstablishAsync(context));
        await continuation(request, responseStream, context);
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context,
        ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        using var scope = Scope(await EstablishAsync(context));
        return await continuation(requestStream, context);
    }

    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        using var scope = Scope(await EstablishAsync(context));
        await continuation(requestStream, responseStream, context);
    }

    /// <summary>
    /// A log scope naming the relaying app, begun in the handler's own frame: one begun inside an
    /// awaited method would end with it, as the async-local it lives in is restored on return.
    /// </summary>
    private IDisposable? Scope(RelayingApp? relaying) =>
        relaying is null ? null : logger.BeginScope(new Dictionary<string, object> { ["RelayedBy"] = relaying.AppId, ["RelayedVia"] = relaying.Via });

    /// <summary>The relaying app, kept on the request and the trace; null for an open endpoint.</summary>
    private async Task<RelayingApp?> EstablishAsync(ServerCallContext context)
    {
        var http = context.GetHttpContext();
        if (http.GetEndpoint()?.Metadata.GetMetadata<IAllowAnonymous>() is not null)
        {
            return null;
        }

        var relaying = await IdentifyAsync(http);
        if (relaying is null)
        {
            var problem = RelayingAppHeader.TokenOf(http.Request) is null ? "none named" : "its token failed validation";
            LogRefused(logger, context.Method, problem);
            throw errors.Unauthenticated(ErrorReasons.RelayingAppRequired,
                "Services are called by the apps of the suite, which name themselves on every call: call through the gateway.");
        }

        http.Features.Set(relaying);
        Activity.Current?.SetTag(TraceTag, relaying.AppId);
        return relaying;
    }

    private async Task<RelayingApp?> IdentifyAsync(HttpContext http)
    {
        if (RelayingAppHeader.TokenOf(http.Request) is not null)
        {
            var result = await http.AuthenticateAsync(ServiceAuthenticationSchemes.RelayingApp);
            return result.Succeeded && Caller.From(result.Principal!) is { Role: CallerRole.Service } app ? new RelayingApp(app.Subject, "service token") : null;
        }

        return sidecar.CallerAppIdOf(http.Request) is { } appId ? new RelayingApp(appId, "dapr sidecar") : null;
    }

    [LoggerMessage(EventId = EventIds.RelayingAppRefused, Level = LogLevel.Warning,
        Message = "A call to {Method} came without a valid relaying app ({Problem}); answered UNAUTHENTICATED")]
    private static partial void LogRefused(ILogger logger, string method, string problem);
}

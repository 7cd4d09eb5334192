using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using CapacityBuilding.Contracts.Transport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Yarp.ReverseProxy.Forwarder;

namespace CapacityBuilding.Tests.DaprStandIn;

/// <summary>
/// Stands in for daprd's gRPC proxying, which cannot be installed on our machines, following the
/// contract described in docs/dapr.md (read from dapr/dapr pkg/api/grpc/proxy and pkg/messaging):
/// the caller dials this "sidecar" and names its target in <c>dapr-app-id</c> (or
/// <c>dapr-callee-app-id</c>); without either the call fails with UNKNOWN; an app-id it does not
/// know fails without reaching anything; a call that the callee's access-control policy does not
/// allow fails with PERMISSION_DENIED without reaching anything (the policy is
/// <see cref="DaprAccessControl"/>, read from the k8s/ Dapr Configurations); otherwise it removes <c>dapr-app-id</c>,
/// sets <c>dapr-caller-app-id</c> (to the app it sits beside, replacing whatever the caller sent, as
/// daprd 1.16 does from the caller's mTLS identity) and <c>dapr-callee-app-id</c>, replaces
/// <c>dapr-api-token</c> with the callee's app token (its <c>APP_API_TOKEN</c>), adds a
/// <c>traceparent</c>, and forwards the call over HTTP/2 unchanged otherwise, so deadlines
/// (<c>grpc-timeout</c>), status and trailers with rich error details travel as they do through
/// daprd. The caller's and the callee's sidecars are folded into this one hop. Built on YARP's
/// forwarder, which carries gRPC trailers faithfully.
/// </summary>
public sealed class DaprSidecarStandIn : IAsyncDisposable
{
    public const string MissingAppIdMessage = "failed to proxy request: required metadata dapr-callee-app-id or dapr-app-id not found";

    private readonly WebApplication app;
    private readonly ConcurrentQueue<ProxiedCall> calls = new();

    private DaprSidecarStandIn(WebApplication app, Uri address)
    {
        this.app = app;
        Address = address;
    }

    /// <summary>The sidecar's gRPC endpoint, what DAPR_GRPC_ENDPOINT points the app at.</summary>
    public Uri Address { get; }

    public IReadOnlyCollection<ProxiedCall> Calls => calls;

    /// <param name="callerAppId">The app this sidecar sits beside.</param>
    /// <param name="apps">The app-ids it can resolve, with their app ports.</param>
    /// <param name="appApiToken">The callees' <c>APP_API_TOKEN</c> (<c>dapr.io/app-token-secret</c>), which their sidecar sends them as <c>dapr-api-token</c>.</param>
    /// <param name="accessControl">
    /// The callees' access-control policies, as their sidecars enforce them; by default those of
    /// k8s/, so that every Dapr-mode test runs under the policy a cluster runs.
    /// </param>
    public static async Task<DaprSidecarStandIn> StartAsync(string callerAppId, IReadOnlyDictionary<string, Uri> apps, string appApiToken, DaprAccessControl? accessControl = null)
    {
        accessControl ??= DaprAccessControl.FromK8s();
        var (builder, address) = Infrastructure.LoopbackHttp2App.CreateBuilder();
        builder.Services.AddHttpForwarder();
        var app = builder.Build();
        var standIn = new DaprSidecarStandIn(app, address);

        var client = new HttpMessageInvoker(Http2ClientHandler.Configure(new SocketsHttpHandler
        {
            UseProxy = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            UseCookies = false,
            ActivityHeadersPropagator = null,
        }));
        var requestConfig = new ForwarderRequestConfig { Version = HttpVersion.Version20, VersionPolicy = HttpVersionPolicy.RequestVersionExact };
        var forwarder = app.Services.GetRequiredService<IHttpForwarder>();

        app.Run(async context =>
        {
            var calleeAppId = FirstValue(context.Request.Headers, "dapr-callee-app-id") ?? FirstValue(context.Request.Headers, "dapr-app-id");
            if (calleeAppId is null)
            {
                WriteGrpcError(context, Grpc.Core.StatusCode.Unknown, MissingAppIdMessage);
                return;
            }

            if (!apps.TryGetValue(calleeAppId, out var destination))
            {
                WriteGrpcError(context, Grpc.Core.StatusCode.Unavailable, $"failed to proxy request: app id {calleeAppId} not found");
                return;
            }

            if (!accessControl.Allows(callerAppId, calleeAppId, context.Request.Path))
            {
                WriteGrpcError(context, Grpc.Core.StatusCode.PermissionDenied,
                    $"access control policy has denied access to appid: {callerAppId} operation: {context.Request.Path}");
                return;
            }

            var transformer = new SidecarTransformer(callerAppId, calleeAppId, appApiToken);
            await forwarder.SendAsync(context, destination.ToString(), client, requestConfig, transformer);
            standIn.calls.Enqueue(new ProxiedCall(calleeAppId, context.Request.Path, transformer.ForwardedMetadata));
        });

        await app.StartAsync();
        return standIn;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private static string? FirstValue(IHeaderDictionary headers, string name) =>
        headers.TryGetValue(name, out var values) && values.Count > 0 ? values[0] : null;

    /// <summary>A trailers-only gRPC error response, as daprd sends when it cannot proxy.</summary>
    private static void WriteGrpcError(HttpContext context, Grpc.Core.StatusCode status, string message)
    {
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/grpc";
        context.Response.Headers["grpc-status"] = ((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture);
        context.Response.Headers["grpc-message"] = Uri.EscapeDataString(message);
    }

    private sealed class SidecarTransformer(string callerAppId, string calleeAppId, string appApiToken) : HttpTransformer
    {
        public IReadOnlyDictionary<string, string> ForwardedMetadata { get; private set; } = new Dictionary<string, string>();

        public override async ValueTask TransformRequestAsync(HttpContext httpContext, HttpRequestMessage proxyRequest, string destinationPrefix, CancellationToken cancellationToken)
        {
            await base.TransformRequestAsync(httpContext, proxyRequest, destinationPrefix, cancellationToken);
            var headers = proxyRequest.Headers;
            headers.Remove("dapr-app-id");
            headers.Remove("dapr-api-token");
            headers.Remove("dapr-caller-app-id");
            headers.Remove("dapr-callee-app-id");
            headers.TryAddWithoutValidation("dapr-caller-app-id", callerAppId);
            headers.TryAddWithoutValidation("dapr-callee-app-id", calleeAppId);
            headers.TryAddWithoutValidation("dapr-api-token", appApiToken);
            if (!headers.Contains("traceparent"))
            {
                var traceId = ActivityTraceId.CreateRandom();
                var spanId = ActivitySpanId.CreateRandom();
                headers.TryAddWithoutValidation("traceparent", $"00-{traceId}-{spanId}-01");
            }

            ForwardedMetadata = headers.ToDictionary(header => header.Key, header => string.Join(",", header.Value), StringComparer.OrdinalIgnoreCase);
        }
    }
}

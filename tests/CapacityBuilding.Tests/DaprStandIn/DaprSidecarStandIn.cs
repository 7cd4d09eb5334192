using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using CapacityBuilding.Tests.DaprStandIn.Resiliency;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace CapacityBuilding.Tests.DaprStandIn;

/// <summary>
/// Stands in for daprd's gRPC proxying, which cannot be installed on our machines; the caller's
/// and the callee's sidecars are folded into this one hop. Followed from dapr/dapr v1.16.19
/// (commit 035274a88581a52198d6cce9649e436e1c10b00a), <c>pkg/messaging/grpc_proxy.go</c> and
/// <c>pkg/api/grpc/proxy/handler.go</c>; docs/dapr.md lists what it does and why:
/// <list type="bullet">
/// <item>The caller names its target in <c>dapr-callee-app-id</c>, else <c>dapr-app-id</c>; with
/// neither the call fails with UNKNOWN, and an app-id it does not know reaches nothing.</item>
/// <item>Each call runs under the caller's Resiliency (<see cref="DaprResiliency"/>, by default the
/// k8s/ files scoped to the caller): a timeout per attempt, retries filtered by <c>matching</c>, and
/// a circuit breaker per callee and method that counts every non-OK answer.</item>
/// <item>In each attempt the callee's sidecar applies the callee's access control
/// (<see cref="DaprAccessControl"/>): a call it does not allow is PERMISSION_DENIED and reaches nothing.</item>
/// <item>Messages over 4 MiB either way fail with RESOURCE_EXHAUSTED (<see cref="GrpcMessageLimit"/>).</item>
/// <item>Metadata is appended to as daprd does (<see cref="SidecarMetadata"/>); the deadline the
/// callee sees is the caller's or the attempt's, whichever is sooner.</item>
/// <item>It reaches each app over one HTTP/2 connection with grpc-go's default window
/// (<see cref="DaprdAppConnection"/>), not our tuned client.</item>
/// </list>
/// Unary calls only: the suite's protos have no streaming rpc, and daprd runs a stream's
/// resiliency only on its start.
/// </summary>
public sealed class DaprSidecarStandIn : IAsyncDisposable
{
    public const string MissingAppIdMessage = "failed to proxy request: required metadata dapr-callee-app-id or dapr-app-id not found";

    private readonly ConcurrentQueue<ProxiedCall> calls = new();
    private readonly string callerAppId;
    private readonly IReadOnlyDictionary<string, Uri> apps;
    private readonly string appApiToken;
    private readonly DaprAccessControl accessControl;
    private readonly DaprResiliency resiliency;
    private readonly Dictionary<string, HttpMessageInvoker> connections;
    private WebApplication? app;

    private DaprSidecarStandIn(string callerAppId, IReadOnlyDictionary<string, Uri> apps, string appApiToken, DaprAccessControl accessControl, DaprResiliency resiliency)
    {
        this.callerAppId = callerAppId;
        this.apps = apps;
        this.appApiToken = appApiToken;
        this.accessControl = accessControl;
        this.resiliency = resiliency;
        connections = apps.Keys.ToDictionary(appId => appId, _ => DaprdAppConnection.Create());
    }

    /// <summary>The sidecar's gRPC endpoint, what DAPR_GRPC_ENDPOINT points the app at.</summary>
    public Uri Address { get; private set; } = null!;

    /// <summary>Every attempt that reached an app, in order.</summary>
    public IReadOnlyCollection<ProxiedCall> Calls => calls;

    /// <param name="callerAppId">The app this sidecar sits beside.</param>
    /// <param name="apps">The app-ids it can resolve, with their app ports.</param>
    /// <param name="appApiToken">The callees' <c>APP_API_TOKEN</c> (<c>dapr.io/app-token-secret</c>), which their sidecar sends them as <c>dapr-api-token</c>.</param>
    /// <param name="accessControl">
    /// The callees' access-control policies, as their sidecars enforce them; by default those of
    /// k8s/, so that every Dapr-mode test runs under the policy a cluster runs.
    /// </param>
    public static Task<DaprSidecarStandIn> StartAsync(string callerAppId, IReadOnlyDictionary<string, Uri> apps, string appApiToken, DaprAccessControl? accessControl = null) =>
        StartAsync(callerAppId, apps, appApiToken, accessControl, resiliency: null);

    /// <param name="resiliency">The caller's Resiliency; by default the k8s/ resources scoped to <paramref name="callerAppId"/>.</param>
    internal static async Task<DaprSidecarStandIn> StartAsync(string callerAppId, IReadOnlyDictionary<string, Uri> apps, string appApiToken, DaprAccessControl? accessControl, DaprResiliency? resiliency)
    {
        var standIn = new DaprSidecarStandIn(callerAppId, apps, appApiToken, accessControl ?? DaprAccessControl.FromK8s(), resiliency ?? DaprResiliency.FromK8s(callerAppId));
        var (builder, address) = Infrastructure.LoopbackHttp2App.CreateBuilder();
        standIn.app = builder.Build();
        standIn.Address = address;
        standIn.app.Run(standIn.ProxyAsync);
        await standIn.app.StartAsync();
        return standIn;
    }

    private async Task ProxyAsync(HttpContext context)
    {
        var calleeAppId = FirstValue(context.Request.Headers, "dapr-callee-app-id") ?? FirstValue(context.Request.Headers, "dapr-app-id");
        if (calleeAppId is null)
        {
            WriteGrpcError(context, StatusCode.Unknown, MissingAppIdMessage);
            return;
        }

        if (!apps.TryGetValue(calleeAppId, out var destination))
        {
            WriteGrpcError(context, StatusCode.Unavailable, $"failed to proxy request: app id {calleeAppId} not found");
            return;
        }

        var method = context.Request.Path.ToString();
        var body = await ReadBodyAsync(context);
        var metadata = SidecarMetadata.Forwarded(context.Request.Headers, callerAppId, calleeAppId, appApiToken);
        var outcome = await resiliency.EndpointPolicy(calleeAppId, method).RunAsync(
            (deadline, aborted) => accessControl.Allows(callerAppId, calleeAppId, method)
                ? AttemptAsync(destination, calleeAppId, method, context.Request.ContentType, body, metadata, deadline, aborted)
                : Task.FromResult(ProxyOutcome.Error(StatusCode.PermissionDenied,
                    $"access control policy has denied access to id: {accessControl.SpiffeIdOf(callerAppId)} operation: {method} verb: NONE")),
            CallerDeadline(context.Request.Headers),
            context.RequestAborted);
        await WriteAsync(context, outcome);
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }

        foreach (var connection in connections.Values)
        {
            connection.Dispose();
        }
    }

    private async Task<ProxyOutcome> AttemptAsync(Uri destination, string calleeAppId, string method, string? contentType, byte[] body,
        IReadOnlyList<KeyValuePair<string, IReadOnlyList<string>>> metadata, DateTimeOffset? deadline, CancellationToken aborted)
    {
        if (GrpcMessageLimit.FirstOversizeMessage(body, GrpcMessageLimit.DefaultMaxMessageSize) is { } requestLength)
        {
            return ProxyOutcome.Error(StatusCode.ResourceExhausted, GrpcMessageLimit.ReceivedTooLarge(requestLength, GrpcMessageLimit.DefaultMaxMessageSize));
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(destination, method))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent(body),
        };
        request.Content.Headers.TryAddWithoutValidation("content-type", contentType ?? "application/grpc");
        foreach (var (name, values) in metadata)
        {
            request.Headers.TryAddWithoutValidation(name, values);
        }

        var sent = metadata.ToDictionary(entry => entry.Key, entry => entry.Value, StringComparer.OrdinalIgnoreCase);
        if (deadline is { } due)
        {
            var remaining = (long)Math.Max(1, Math.Ceiling((due - DateTimeOffset.UtcNow).TotalMilliseconds));
            sent["grpc-timeout"] = [remaining.ToString(CultureInfo.InvariantCulture) + "m"];
            request.Headers.TryAddWithoutValidation("grpc-timeout", sent["grpc-timeout"]);
        }

        HttpResponseMessage response;
        try
        {
            response = await connections[calleeAppId].SendAsync(request, aborted);
        }
        catch (HttpRequestException exception)
        {
            return ProxyOutcome.Error(StatusCode.Unavailable, $"connection error: desc = \"transport: {exception.Message}\"");
        }

        using (response)
        {
            var responseBody = await response.Content.ReadAsByteArrayAsync(aborted);
            calls.Enqueue(new ProxiedCall(calleeAppId, method, sent, responseBody.Length));
            if (GrpcMessageLimit.FirstOversizeMessage(responseBody, GrpcMessageLimit.DefaultMaxMessageSize) is { } responseLength)
            {
                return ProxyOutcome.Error(StatusCode.ResourceExhausted, GrpcMessageLimit.ReceivedTooLarge(responseLength, GrpcMessageLimit.DefaultMaxMessageSize));
            }

            var headers = response.Headers.Concat(response.Content.Headers).ToList();
            var trailers = response.TrailingHeaders.ToList();
            var status = StatusOf(response, trailers);
            return new ProxyOutcome(status, "", new UpstreamResponse((int)response.StatusCode, headers, responseBody, trailers));
        }
    }

    private static StatusCode StatusOf(HttpResponseMessage response, IEnumerable<KeyValuePair<string, IEnumerable<string>>> trailers)
    {
        var status = trailers.Concat(response.Headers).FirstOrDefault(header => header.Key.Equals("grpc-status", StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();
        return status is not null ? (StatusCode)int.Parse(status, CultureInfo.InvariantCulture)
            : response.StatusCode == HttpStatusCode.OK ? StatusCode.Internal
            : StatusCode.Unavailable;
    }

    private static async Task<byte[]> ReadBodyAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        return buffer.ToArray();
    }

    private static async Task WriteAsync(HttpContext context, ProxyOutcome outcome)
    {
        if (outcome.Response is not { } response)
        {
            WriteGrpcError(context, outcome.Status, outcome.Message);
            return;
        }

        context.Response.StatusCode = response.HttpStatus;
        foreach (var (name, values) in response.Headers.Where(header => !header.Key.Equals("content-length", StringComparison.OrdinalIgnoreCase)))
        {
            context.Response.Headers.Append(name, new StringValues(values.ToArray()));
        }

        await context.Response.Body.WriteAsync(response.Body, context.RequestAborted);
        foreach (var (name, values) in response.Trailers)
        {
            context.Response.AppendTrailer(name, new StringValues(values.ToArray()));
        }
    }

    /// <summary>The deadline the caller gave (<c>grpc-timeout</c>), which the proxy's context carries to every attempt.</summary>
    private static DateTimeOffset? CallerDeadline(IHeaderDictionary headers)
    {
        if (FirstValue(headers, "grpc-timeout") is not { Length: > 1 } timeout
            || !long.TryParse(timeout[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return null;
        }

        var span = timeout[^1] switch
        {
            'H' => TimeSpan.FromHours(value),
            'M' => TimeSpan.FromMinutes(value),
            'S' => TimeSpan.FromSeconds(value),
            'm' => TimeSpan.FromMilliseconds(value),
            'u' => TimeSpan.FromMicroseconds(value),
            _ => TimeSpan.FromTicks(value / 100),
        };
        return DateTimeOffset.UtcNow + span;
    }

    private static string? FirstValue(IHeaderDictionary headers, string name) =>
        headers.TryGetValue(name, out var values) && values.Count > 0 ? values[0] : null;

    /// <summary>A trailers-only gRPC error response, as daprd sends when it cannot proxy.</summary>
    private static void WriteGrpcError(HttpContext context, StatusCode status, string message)
    {
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/grpc";
        context.Response.Headers["grpc-status"] = ((int)status).ToString(CultureInfo.InvariantCulture);
        context.Response.Headers["grpc-message"] = Uri.EscapeDataString(message);
    }
}

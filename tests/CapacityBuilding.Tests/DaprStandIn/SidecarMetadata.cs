using System.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace CapacityBuilding.Tests.DaprStandIn;

/// <summary>
/// The metadata the callee receives, from what the calling app sent, through both sidecars of
/// dapr/dapr v1.16.19: the proxy removes <c>dapr-app-id</c> (<c>pkg/api/grpc/proxy/handler.go</c>);
/// the caller's sidecar APPENDS its span as <c>traceparent</c> and <c>grpc-trace-bin</c>
/// (<c>pkg/diagnostics/grpc_tracing.go</c> <c>SpanContextToGRPCMetadata</c>, a child of the
/// first <c>traceparent</c> it received: our apps send no <c>grpc-trace-bin</c>, which daprd would prefer) and APPENDS
/// <c>dapr-caller-app-id</c> and <c>dapr-callee-app-id</c> (<c>pkg/messaging/grpc_proxy.go</c>
/// <c>intercept</c>), so whatever the app sent under those names stays, first; the callee's sidecar
/// drops every <c>dapr-api-token</c> and appends the callee's app token (<c>grpc_proxy.go</c>,
/// <c>pkg/api/grpc/manager/manager.go</c> <c>AddAppTokenToContext</c>). Everything else passes unchanged.
/// </summary>
internal static class SidecarMetadata
{
    private static readonly HashSet<string> NotMetadata = new(StringComparer.OrdinalIgnoreCase)
    {
        "host", "content-type", "content-length", "grpc-timeout", "connection", "keep-alive", "transfer-encoding", "upgrade", "proxy-connection",
    };

    public static List<KeyValuePair<string, IReadOnlyList<string>>> Forwarded(IHeaderDictionary incoming, string callerAppId, string calleeAppId, string appApiToken)
    {
        var metadata = incoming
            .Where(header => !NotMetadata.Contains(header.Key) && !header.Key.StartsWith(':'))
            .Where(header => !header.Key.Equals("dapr-app-id", StringComparison.OrdinalIgnoreCase) && !header.Key.Equals("dapr-api-token", StringComparison.OrdinalIgnoreCase))
            .ToDictionary(header => header.Key.ToLowerInvariant(), header => header.Value.Select(value => value ?? "").ToList());
        var (traceparent, traceBin) = SidecarSpan(incoming);
        Append(metadata, "traceparent", traceparent);
        Append(metadata, "grpc-trace-bin", traceBin);
        Append(metadata, "dapr-caller-app-id", callerAppId);
        Append(metadata, "dapr-callee-app-id", calleeAppId);
        Append(metadata, "dapr-api-token", appApiToken);
        return metadata.Select(entry => KeyValuePair.Create(entry.Key, (IReadOnlyList<string>)entry.Value)).ToList();
    }

    private static void Append(Dictionary<string, List<string>> metadata, string name, string value)
    {
        if (!metadata.TryGetValue(name, out var values))
        {
            metadata[name] = values = [];
        }

        values.Add(value);
    }

    /// <summary>The caller's sidecar's own span: in the caller's trace when it sent one, else in a new one.</summary>
    private static (string Traceparent, string TraceBin) SidecarSpan(IHeaderDictionary incoming)
    {
        var parent = incoming.TryGetValue("traceparent", out var traceparents) && traceparents.Count > 0
            && ActivityContext.TryParse(traceparents[0], null, out var parsed) ? parsed : default;
        var traceId = parent.TraceId == default ? ActivityTraceId.CreateRandom() : parent.TraceId;
        var spanId = ActivitySpanId.CreateRandom();
        // OpenCensus binary format: version 0, field 0 trace id, field 1 span id, field 2 options (sampled).
        var binary = new byte[29];
        binary[1] = 0;
        traceId.CopyTo(binary.AsSpan(2, 16));
        binary[18] = 1;
        spanId.CopyTo(binary.AsSpan(19, 8));
        binary[27] = 2;
        binary[28] = 1;
        return ($"00-{traceId}-{spanId}-01", Convert.ToBase64String(binary).TrimEnd('='));
    }
}

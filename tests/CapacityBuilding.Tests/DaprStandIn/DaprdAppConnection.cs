using System.Net;

namespace CapacityBuilding.Tests.DaprStandIn;

/// <summary>
/// The HTTP/2 client daprd is to an app: dapr/dapr v1.16.19 <c>pkg/api/grpc/manager/manager.go</c>
/// (<c>createLocalConnection</c>) dials the app once with grpc-go's defaults, no window options,
/// and keeps that one connection (<c>NewConnectionPool(maxConnIdle, 1)</c>) for every call to it.
/// grpc-go v1.73.0 (the version dapr 1.16 builds with; <c>internal/transport/defaults.go</c> and
/// <c>http2_client.go</c>, commit c52d02553f2649c28d0279bca17909a3a08de022) then starts every stream
/// and the connection at a 64 KiB receive window (65535) and, with no window option set, grows
/// it from its BDP estimate. Here: .NET's client with the same start (65535 is also .NET's
/// smallest) and its own dynamic window, on one connection that waits when the server's stream
/// limit is reached, as grpc-go does, instead of opening another (our
/// <c>Http2ClientHandler</c> does the opposite on both counts).
/// </summary>
public static class DaprdAppConnection
{
    public const int InitialWindowSize = 65535;

    public static HttpMessageInvoker Create() => new(CreateHandler());

    public static SocketsHttpHandler CreateHandler() => new()
    {
        UseProxy = false,
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.None,
        UseCookies = false,
        ActivityHeadersPropagator = null,
        InitialHttp2StreamWindowSize = InitialWindowSize,
        EnableMultipleHttp2Connections = false,
        // manager.go's maxConnIdle.
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(3),
    };
}

namespace CapacityBuilding.Contracts.Transport;

/// <summary>
/// The HTTP/2 handler for every caller of our gRPC services that we write: the services' calls
/// to each other, the gateway's proxy, the demo loader, the tests and the benchmarks.
/// </summary>
/// <remarks>
/// Its stream receive window starts at 16 MiB, the most .NET allows, so a response under 2 MiB
/// (an eighth of the window) never makes it send a stream WINDOW_UPDATE. Kestrel 10.0.12 can
/// lose the next response on a connection when stream WINDOW_UPDATEs for a large response arrive
/// after that response has ended (dotnet/aspnetcore#53736): the next stream's output is marked
/// scheduled and never written, and its caller waits until its deadline. Here that hung list
/// pages of 500 requests and the IATI export in CI. Clients we do not control (other languages,
/// browsers) can still meet it; they need deadlines, and the gateway gives every call one.
/// </remarks>
public static class Http2ClientHandler
{
    public const int InitialStreamWindowSize = 16 * 1024 * 1024;

    public static SocketsHttpHandler Create() => Configure(new SocketsHttpHandler());

    /// <summary>Sets the window on a handler another library created (YARP's proxy client).</summary>
    public static SocketsHttpHandler Configure(SocketsHttpHandler handler)
    {
        handler.InitialHttp2StreamWindowSize = InitialStreamWindowSize;
        // Past 100 concurrent calls to one server, open another connection instead of queueing.
        handler.EnableMultipleHttp2Connections = true;
        return handler;
    }
}

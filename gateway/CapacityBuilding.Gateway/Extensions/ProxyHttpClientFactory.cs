using CapacityBuilding.Contracts.Transport;
using Yarp.ReverseProxy.Forwarder;

namespace CapacityBuilding.Gateway.Extensions;

/// <summary>
/// YARP's client to the services, with the HTTP/2 stream window of <see cref="Http2ClientHandler"/>:
/// the gateway is itself a client of the services' Kestrel, and list pages and exports are
/// larger than the default window.
/// </summary>
internal sealed class ProxyHttpClientFactory(ILogger<ForwarderHttpClientFactory> logger) : ForwarderHttpClientFactory(logger)
{
    protected override void ConfigureHandler(ForwarderHttpClientContext context, SocketsHttpHandler handler)
    {
        base.ConfigureHandler(context, handler);
        Http2ClientHandler.Configure(handler);
    }
}

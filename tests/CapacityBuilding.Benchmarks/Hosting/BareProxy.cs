using Microsoft.AspNetCore.Server.Kestrel.Core;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Forwarder;

namespace CapacityBuilding.Benchmarks.Hosting;

/// <summary>
/// Case 2's server: YARP with its default settings, one catch-all route to the no-op server, and
/// nothing else (no auth, no rate limiting, no health checks): the proxy's own cost. The only
/// setting it needs is HTTP/2 exactly towards the destination, since cleartext HTTP/2 cannot be
/// negotiated.
/// </summary>
internal static class BareProxy
{
    public const string Role = "serve-yarp";

    public static int Run(string[] args)
    {
        var builder = ReferenceServerBuilder.Create(args);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.ConfigureEndpointDefaults(endpoint => endpoint.Protocols = HttpProtocols.Http2));
        var destination = builder.Configuration["Destination"] ?? throw new InvalidOperationException("--Destination <address of the no-op server> is required.");
        builder.Services.AddReverseProxy().LoadFromMemory(
            [new RouteConfig { RouteId = "all", ClusterId = "noop", Match = new RouteMatch { Path = "{**catch-all}" } }],
            [
                new ClusterConfig
                {
                    ClusterId = "noop",
                    Destinations = new Dictionary<string, DestinationConfig> { ["noop"] = new() { Address = destination } },
                    HttpRequest = new ForwarderRequestConfig { Version = new Version(2, 0), VersionPolicy = HttpVersionPolicy.RequestVersionExact },
                },
            ]);

        var app = builder.Build();
        app.MapReverseProxy();
        app.Run();
        return 0;
    }
}

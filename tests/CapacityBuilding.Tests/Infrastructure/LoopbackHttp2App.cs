using System.Net;
using CapacityBuilding.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Logging;

namespace CapacityBuilding.Tests.Infrastructure;

/// <summary>An in-test HTTP/2 server on a free loopback port, for stand-ins of the services' neighbours.</summary>
public static class LoopbackHttp2App
{
    public static (WebApplicationBuilder Builder, Uri Address) CreateBuilder()
    {
        var port = FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        // Nothing from the test folder's appsettings (the services' copies land there) may
        // configure the server's endpoints.
        builder.Configuration.Sources.Clear();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
            kestrel.Listen(IPAddress.Loopback, port, listen => listen.Protocols = HttpProtocols.Http2));
        return (builder, new Uri($"http://127.0.0.1:{port}"));
    }
}

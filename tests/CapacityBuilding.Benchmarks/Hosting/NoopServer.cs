using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace CapacityBuilding.Benchmarks.Hosting;

/// <summary>Case 1's server: bare Kestrel (h2c) with <see cref="NoopTrainingService"/>, no middleware.</summary>
internal static class NoopServer
{
    public const string Role = "serve-noop";

    public static int Run(string[] args)
    {
        var builder = ReferenceServerBuilder.Create(args);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.ConfigureEndpointDefaults(endpoint => endpoint.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc();

        var app = builder.Build();
        app.MapGrpcService<NoopTrainingService>();
        // Our gateway's active health check asks every cluster for /health.
        app.MapGet("/health", () => "Healthy");
        app.Run();
        return 0;
    }
}

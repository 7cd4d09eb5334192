using CapacityBuilding.Gateway.Deadlines;
using CapacityBuilding.Gateway.Health;
using CapacityBuilding.Gateway.OpenApi;
using CapacityBuilding.Gateway.Reflection;
using CapacityBuilding.Gateway.Security;
using CapacityBuilding.ServiceDefaults.Health;
using CapacityBuilding.ServiceDefaults.Load;
using CapacityBuilding.ServiceDefaults.Telemetry;
using Yarp.ReverseProxy.Forwarder;

namespace CapacityBuilding.Gateway.Extensions;

/// <summary>
/// The gateway is YARP configured from the <c>ReverseProxy</c> section: gRPC routes by proto
/// package path and REST routes by collection, each to its service's cluster, with active health
/// checks. It answers three things itself: gRPC reflection over all services' contracts (so
/// any gRPC client can explore the suite through the one public door), the standard gRPC health
/// service and <c>/health</c>, both reporting the clusters' state. Every route requires a valid
/// token and is rate-limited per caller.
/// </summary>
public static class GatewayExtensions
{
    public const string ServiceName = "gateway";

    public static WebApplicationBuilder AddGatewayServices(this WebApplicationBuilder builder)
    {
        // The slim builder's Kestrel reads only cleartext endpoints from configuration; TLS in the
        // gateway itself stays a configuration choice (docs/deployment.md, "TLS").
        builder.WebHost.UseKestrelHttpsConfiguration();
        builder.AddTelemetry(ServiceName);
        builder.Services.AddConcurrentCallLimit(builder.Configuration, GrpcStatusResponses.Domain);
        builder.AddGatewaySecurity();
        var proxy = builder.Services.AddReverseProxy().LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"))
            .AddConfigFilter<RouteBodyLimitsCheck>();
        // Registered after YARP's own, so that it is the one resolved.
        builder.Services.AddSingleton<IForwarderHttpClientFactory, ProxyHttpClientFactory>();
        builder.AddGatewayDeadlines(proxy);
        builder.AddGatewayAppIdentity(proxy);
        builder.Services.AddGrpc();
        builder.Services.AddSuiteReflection();
        builder.Services.AddGrpcHealthChecks().AddCheck<ClusterHealthCheck>("clusters");
        builder.Services.AddLivenessHealthService();
        builder.AddSuiteOpenApi();
        return builder;
    }

    public static WebApplication MapGatewayEndpoints(this WebApplication app)
    {
        app.UseGatewaySecurity();
        app.UseGatewayDeadlines();
        app.MapReverseProxy();

        // Open to probes and tools: the contracts are public, the data is behind the routes.
        app.MapSuiteReflection();
        app.MapGrpcHealthChecksService();
        app.MapHealthChecks("/health", new() { ResponseWriter = ClusterHealthResponseWriter.WriteAsync });
        app.MapSuiteOpenApi();
        return app;
    }
}

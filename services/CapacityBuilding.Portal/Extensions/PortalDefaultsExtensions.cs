using CapacityBuilding.ServiceDefaults;
using CapacityBuilding.ServiceDefaults.Errors;
using CapacityBuilding.ServiceDefaults.Load;
using CapacityBuilding.ServiceDefaults.Redis;
using CapacityBuilding.ServiceDefaults.Telemetry;
using Microsoft.AspNetCore.ResponseCompression;

namespace CapacityBuilding.Portal.Extensions;

/// <summary>
/// What the portal shares with the services (telemetry, Kestrel limits, its own Redis keyspace
/// <c>portal:</c> for sessions and data-protection keys, <c>/health</c>), and what a web front
/// end adds: compressed pages for slow links, and the gateway's forwarded headers.
/// </summary>
public static class PortalDefaultsExtensions
{
    public static WebApplicationBuilder AddPortalDefaults(this WebApplicationBuilder builder)
    {
        builder.AddTelemetry(PortalApp.Name);
        builder.ConfigureKestrelDefaults();
        builder.Services.AddRedisKeyspace(builder.Configuration, PortalApp.Name);
        builder.Services.AddSingleton(ErrorDomain.ForService(PortalApp.Name));
        builder.Services.AddConcurrentCallLimit(builder.Configuration, ErrorDomain.ForService(PortalApp.Name));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<ApiErrors>();
        builder.Services.AddGatewayForwardedHeaders(builder.Configuration);

        // Pages are rendered per user and carry antiforgery tokens; those are encrypted afresh for
        // every response, so compressing over HTTPS gives a BREACH attacker no stable secret to guess.
        builder.Services.AddResponseCompression(options =>
        {
            options.EnableForHttps = true;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
        });
        return builder;
    }
}

using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace CapacityBuilding.Portal.Extensions;

/// <summary>
/// Browsers reach the portal through the gateway, which says in <c>X-Forwarded-Proto</c> and
/// <c>X-Forwarded-Host</c> and <c>X-Forwarded-For</c> how the browser came in: the portal believes it only from the addresses in
/// <c>Portal:Gateway:KnownProxies</c>, so that redirects and secure cookies follow the
/// browser's scheme and nobody else can claim one.
/// </summary>
public static class GatewayForwardedHeaders
{
    public const string SectionName = "Portal:Gateway:KnownProxies";

    public static IServiceCollection AddGatewayForwardedHeaders(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = configuration.GetSection(SectionName).Get<string[]>() ?? [];
        services.Configure<ForwardedHeadersOptions>(forwarded =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            // The defaults trust loopback; only what the configuration names is trusted.
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
#pragma warning disable ASPDEPR005
            forwarded.KnownNetworks.Clear();
#pragma warning restore ASPDEPR005
            foreach (var proxy in proxies)
            {
                forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
            }
        });
        return services;
    }
}

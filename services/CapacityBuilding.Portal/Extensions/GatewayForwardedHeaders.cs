using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace CapacityBuilding.Portal.Extensions;

/// <summary>
/// Browsers reach the portal through the gateway, which says in <c>X-Forwarded-Proto</c>,
/// <c>X-Forwarded-Host</c> and <c>X-Forwarded-For</c> how the browser came in: the portal believes
/// it only from <c>Portal:Gateway:KnownProxies</c> (addresses) and <c>:KnownNetworks</c> (CIDR
/// ranges, e.g. the pod network), so that redirects and secure cookies follow the browser's
/// scheme and host and nobody else can claim one.
/// </summary>
public static class GatewayForwardedHeaders
{
    public const string SectionName = "Portal:Gateway";

    public static IServiceCollection AddGatewayForwardedHeaders(this IServiceCollection services, IConfiguration configuration)
    {
        var gateway = configuration.GetSection(SectionName);
        var proxies = gateway.GetSection("KnownProxies").Get<string[]>() ?? [];
        var networks = gateway.GetSection("KnownNetworks").Get<string[]>() ?? [];
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

            foreach (var network in networks)
            {
                forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        return services;
    }
}

using System.Net;
using CapacityBuilding.ServiceDefaults.Configuration;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace CapacityBuilding.Gateway.Security;

/// <summary>
/// ASP.NET Core's forwarded-headers middleware, trusting only the configured ingress proxies
/// (<see cref="IngressProxyOptions"/>): behind them the client address is the one the nearest
/// proxy appended to <c>X-Forwarded-For</c>, from anywhere else the connection's own. Without a
/// configured proxy the middleware would read no header anyway, so it is left out of the pipeline.
/// </summary>
public static class IngressForwardedHeaders
{
    public static IServiceCollection AddIngressForwardedHeaders(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<IngressProxyOptions, IngressProxyOptionsValidator>(configuration, IngressProxyOptions.SectionName);
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<IngressProxyOptions>>((forwarded, ingress) =>
        {
            var proxies = ingress.Value;
            // With both lists empty the middleware believes every sender, so without a configured
            // proxy it reads no header at all. The defaults trust loopback (in KnownIPNetworks and
            // the obsolete KnownNetworks alike): only what the configuration names is trusted.
            forwarded.ForwardedHeaders = proxies.KnownProxies.Count + proxies.KnownNetworks.Count == 0
                ? ForwardedHeaders.None
                : ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
#pragma warning disable ASPDEPR005
            forwarded.KnownNetworks.Clear();
#pragma warning restore ASPDEPR005
            foreach (var proxy in proxies.KnownProxies)
            {
                forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in proxies.KnownNetworks)
            {
                forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        return services;
    }

    public static IApplicationBuilder UseIngressForwardedHeaders(this IApplicationBuilder app) =>
        app.ApplicationServices.GetRequiredService<IOptions<ForwardedHeadersOptions>>().Value.ForwardedHeaders == ForwardedHeaders.None
            ? app
            : app.UseForwardedHeaders();
}

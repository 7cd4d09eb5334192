using Microsoft.Extensions.Options;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Forwarder;

namespace CapacityBuilding.Gateway.Deadlines;

/// <summary>
/// Gives every cluster <see cref="DeadlineOptions.Request"/> as YARP's activity timeout, so that
/// one setting holds for all of them. YARP keeps that timer on every call it forwards anyway (its
/// default is 100 s), so the deadline costs a call nothing more, where ASP.NET Core's request
/// timeouts added a second timer and a linked token to each.
/// </summary>
internal sealed class ClusterDeadlines(IOptions<DeadlineOptions> deadlines) : IProxyConfigFilter
{
    public ValueTask<ClusterConfig> ConfigureClusterAsync(ClusterConfig cluster, CancellationToken cancel) =>
        ValueTask.FromResult(cluster with
        {
            HttpRequest = (cluster.HttpRequest ?? ForwarderRequestConfig.Empty) with { ActivityTimeout = deadlines.Value.Request },
        });

    public ValueTask<RouteConfig> ConfigureRouteAsync(RouteConfig route, ClusterConfig? cluster, CancellationToken cancel) =>
        ValueTask.FromResult(route);
}

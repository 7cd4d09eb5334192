using Yarp.ReverseProxy.Configuration;

namespace CapacityBuilding.Gateway.Security;

/// <summary>Reads every route's <see cref="RouteBodyLimits"/> as YARP loads the configuration, so a bad value stops the start.</summary>
public sealed class RouteBodyLimitsCheck : IProxyConfigFilter
{
    public ValueTask<ClusterConfig> ConfigureClusterAsync(ClusterConfig cluster, CancellationToken cancel) => ValueTask.FromResult(cluster);

    public ValueTask<RouteConfig> ConfigureRouteAsync(RouteConfig route, ClusterConfig? cluster, CancellationToken cancel)
    {
        _ = RouteBodyLimits.Of(route);
        return ValueTask.FromResult(route);
    }
}

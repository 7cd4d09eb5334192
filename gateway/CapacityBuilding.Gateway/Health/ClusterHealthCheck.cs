using Microsoft.Extensions.Diagnostics.HealthChecks;
using Yarp.ReverseProxy;
using Yarp.ReverseProxy.Model;

namespace CapacityBuilding.Gateway.Health;

/// <summary>
/// The gateway is healthy when every cluster has a destination its active health checks found
/// healthy, and unhealthy otherwise (including before the first probe has answered, so that
/// nothing routes traffic to it too early). Each cluster's state is in the result's data. A cluster
/// whose metadata says <c>AffectsGatewayHealth: false</c> (the portal) is reported but does not
/// count: the API stays ready while the web pages are down.
/// </summary>
public sealed class ClusterHealthCheck(IProxyStateLookup proxyState) : IHealthCheck
{
    public const string AffectsGatewayHealth = "AffectsGatewayHealth";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var all = proxyState.GetClusters().ToList();
        var clusters = all.ToDictionary(cluster => cluster.ClusterId, DescribeCluster);
        var unhealthy = all.Where(Counts).Select(cluster => cluster.ClusterId).Where(id => (string)clusters[id] != "Healthy").ToList();
        var result = unhealthy.Count == 0
            ? HealthCheckResult.Healthy("All clusters have a healthy destination.", clusters)
            : HealthCheckResult.Unhealthy($"No healthy destination in: {string.Join(", ", unhealthy)}.", data: clusters);
        return Task.FromResult(result);
    }

    private static bool Counts(ClusterState cluster) =>
        cluster.Model.Config.Metadata?.GetValueOrDefault(AffectsGatewayHealth) != "false";

    private static object DescribeCluster(ClusterState cluster)
    {
        var destinations = cluster.Destinations.Values.ToList();
        if (destinations.Any(destination => destination.Health.Active == DestinationHealth.Healthy))
        {
            return "Healthy";
        }

        return destinations.All(destination => destination.Health.Active == DestinationHealth.Unknown) ? "Unknown" : "Unhealthy";
    }
}

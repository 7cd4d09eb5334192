using System.Text.Json.Nodes;

namespace CapacityBuilding.Tests.Kubernetes;

/// <summary>
/// Who may open a connection to which pod, as the NetworkPolicies of every overlay say: nothing
/// unless allowed; from outside the namespace only the gateway; a service's own port only from
/// the gateway (other apps come through Dapr sidecars); Redis only from the services.
/// </summary>
public sealed class NetworkPolicyTests
{
    public static TheoryData<string> Overlays => CodeUnderTest.Overlays;

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Every_pod_is_closed_unless_a_policy_opens_it(string overlay)
    {
        Assert.Contains(Manifests.Overlay(overlay).OfKind("NetworkPolicy"), policy =>
            policy["spec"]!["podSelector"]!.AsObject().Count == 0
            && policy["spec"]!["policyTypes"]!.AsArray().Any(type => type!.GetValue<string>() == "Ingress")
            && (policy["spec"]!["ingress"]?.AsArray().Count ?? 0) == 0);
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Only_the_gateway_is_reachable_from_outside_the_namespace_and_only_on_its_own_ports(string overlay)
    {
        var manifests = Manifests.Overlay(overlay);
        foreach (var workload in manifests.Workloads)
        {
            var isGateway = Manifests.NameOf(workload) == CodeUnderTest.GatewayAppId;
            var ports = Manifests.ContainersOf(workload).SelectMany(container => container["ports"]!.AsArray())
                .Select(port => port!["containerPort"]!.GetValue<string>()).ToHashSet();
            var fromOutside = AdmittedSources(manifests, workload).Where(source => source.FromOutside).ToList();
            if (isGateway)
            {
                Assert.NotEmpty(fromOutside);
                Assert.All(fromOutside, source => Assert.Contains(source.Port ?? "any port", ports));
            }
            else
            {
                Assert.True(fromOutside.Count == 0, $"{Manifests.NameOf(workload)} is reachable from outside the namespace.");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void A_services_own_port_admits_only_the_gateway_and_redis_admits_only_the_services(string overlay)
    {
        var manifests = Manifests.Overlay(overlay);
        var gatewayLabels = PodLabels(manifests.DaprApps[CodeUnderTest.GatewayAppId]);
        foreach (var appId in CodeUnderTest.Services.Keys)
        {
            var deployment = manifests.DaprApps[appId];
            var appPort = Manifests.PodAnnotation(deployment, Manifests.DaprAppPort);
            var sources = AdmittedSources(manifests, deployment).Where(source => source.Port == appPort || source.Port is null).ToList();
            Assert.NotEmpty(sources);
            Assert.All(sources, source => Assert.True(source.PodSelector is not null && Selectors.Selects(source.PodSelector, gatewayLabels)
                && manifests.Workloads.Where(other => Selectors.Selects(source.PodSelector, PodLabels(other))).All(other => Manifests.NameOf(other) == CodeUnderTest.GatewayAppId),
                $"{appId}:{appPort} admits more than the gateway."));
        }

        var redisSources = AdmittedSources(manifests, manifests.Get("StatefulSet", "redis")).ToList();
        Assert.NotEmpty(redisSources);
        foreach (var source in redisSources)
        {
            var admitted = manifests.Workloads.Where(other => Selectors.Selects(source.PodSelector, PodLabels(other))).Select(Manifests.NameOf);
            Assert.Equal(CodeUnderTest.Services.Keys.Order(StringComparer.Ordinal), admitted.Order(StringComparer.Ordinal));
        }
    }

    /// <summary>One allowed way in: from which pods (null when from outside), to which port (null: any).</summary>
    private sealed record Source(bool FromOutside, JsonNode? PodSelector, string? Port);

    private static IEnumerable<Source> AdmittedSources(Manifests manifests, JsonNode workload)
    {
        var labels = PodLabels(workload);
        var rules = manifests.OfKind("NetworkPolicy")
            .Where(policy => Selectors.Selects(policy["spec"]!["podSelector"], labels) || policy["spec"]!["podSelector"]!.AsObject().Count == 0)
            .SelectMany(policy => policy["spec"]!["ingress"]?.AsArray() ?? []);
        foreach (var rule in rules)
        {
            var ports = rule!["ports"]?.AsArray().Select(port => (string?)port!["port"]!.GetValue<string>()).ToList() ?? [null];
            var peers = rule["from"]?.AsArray().Select(peer => peer!).ToList();
            foreach (var port in ports)
            {
                if (peers is null or { Count: 0 })
                {
                    yield return new Source(true, null, port);
                    continue;
                }

                foreach (var peer in peers)
                {
                    // A peer with only a podSelector means pods of this namespace; a
                    // namespaceSelector or an ipBlock reaches outside it.
                    var outside = peer["namespaceSelector"] is not null || peer["ipBlock"] is not null;
                    yield return new Source(outside, outside ? null : peer["podSelector"], port);
                }
            }
        }
    }

    private static JsonObject PodLabels(JsonNode workload) => workload["spec"]!["template"]!["metadata"]!["labels"]!.AsObject();
}

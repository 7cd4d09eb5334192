using System.Text.Json.Nodes;

namespace CapacityBuilding.Tests.Kubernetes;

/// <summary>
/// Who may open a connection to which pod, as the NetworkPolicies of every overlay say: nothing
/// unless allowed; from outside the namespace only the gateway; a service's own port and the
/// portal's only from the gateway (other apps come through Dapr sidecars); Redis only from the
/// services and the portal. And where a
/// pod may connect to: nothing unless allowed, then exactly what the apps call (DNS, Redis, the
/// services, Dapr's sidecars and control plane, the telemetry collector, the identity provider).
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
            Assert.Equal(CodeUnderTest.RedisUsers.Order(StringComparer.Ordinal), admitted.Order(StringComparer.Ordinal));
        }
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void The_portals_port_admits_only_the_gateway_and_the_gateway_reaches_it(string overlay)
    {
        var manifests = Manifests.Overlay(overlay);
        var gateway = manifests.DaprApps[CodeUnderTest.GatewayAppId];
        var portal = manifests.DaprApps[CodeUnderTest.PortalAppId];
        var port = Manifests.ContainersOf(portal).Single()["ports"]!.AsArray().Single()!["containerPort"]!.GetValue<string>();

        var sources = AdmittedSources(manifests, portal).ToList();

        Assert.NotEmpty(sources);
        Assert.All(sources, source => Assert.True(source.Port == port && source.PodSelector is not null
            && manifests.Workloads.Where(other => Selectors.Selects(source.PodSelector, PodLabels(other))).All(other => Manifests.NameOf(other) == CodeUnderTest.GatewayAppId),
            $"portal admits more than the gateway on {port}."));
        Assert.True(Reaches(manifests, gateway, InThisNamespace(portal), port), "gateway to portal");
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Every_pod_reaches_nothing_unless_a_policy_lets_it(string overlay)
    {
        Assert.Contains(Manifests.Overlay(overlay).OfKind("NetworkPolicy"), policy =>
            policy["spec"]!["podSelector"]!.AsObject().Count == 0
            && policy["spec"]!["policyTypes"]!.AsArray().Any(type => type!.GetValue<string>() == "Egress")
            && (policy["spec"]!["egress"]?.AsArray().Count ?? 0) == 0);
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Every_app_looks_names_up_in_the_cluster_dns(string overlay)
    {
        var manifests = Manifests.Overlay(overlay);
        var dns = new JsonObject { ["k8s-app"] = "kube-dns" };
        foreach (var app in manifests.DaprApps.Values)
        {
            Assert.True(Reaches(manifests, app, InNamespace("kube-system", dns), "53", "UDP"), $"{Manifests.NameOf(app)}: DNS over UDP");
            Assert.True(Reaches(manifests, app, InNamespace("kube-system", dns), "53", "TCP"), $"{Manifests.NameOf(app)}: DNS over TCP");
        }
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Only_the_services_and_the_portal_reach_redis_and_redis_reaches_nothing(string overlay)
    {
        var manifests = Manifests.Overlay(overlay);
        var redis = manifests.Get("StatefulSet", "redis");
        foreach (var (appId, app) in manifests.DaprApps)
        {
            Assert.Equal(CodeUnderTest.RedisUsers.Contains(appId), Reaches(manifests, app, InThisNamespace(redis), "6379"));
        }

        Assert.Empty(AllowedDestinations(manifests, redis));
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void The_gateway_reaches_each_services_own_port_and_every_app_the_sidecars_of_the_services(string overlay)
    {
        var manifests = Manifests.Overlay(overlay);
        var gateway = manifests.DaprApps[CodeUnderTest.GatewayAppId];
        foreach (var appId in CodeUnderTest.Services.Keys)
        {
            var service = manifests.DaprApps[appId];
            Assert.True(Reaches(manifests, gateway, InThisNamespace(service), Manifests.PodAnnotation(service, Manifests.DaprAppPort)!), $"gateway to {appId}");
            foreach (var (caller, app) in manifests.DaprApps)
            {
                Assert.True(Reaches(manifests, app, InThisNamespace(service), DaprInternalGrpcPort), $"sidecar of {caller} to sidecar of {appId}");
            }
        }
    }

    /// <summary>
    /// Each sidecar reaches Dapr's control plane at its pods' ports (Dapr's Helm chart): the
    /// operator (dapr-api) 6500, sentry 50001, placement 50005, scheduler 50006.
    /// </summary>
    [Theory]
    [MemberData(nameof(Overlays))]
    public void Every_sidecar_reaches_the_dapr_control_plane(string overlay)
    {
        var manifests = Manifests.Overlay(overlay);
        foreach (var (appId, app) in manifests.DaprApps)
        {
            foreach (var port in new[] { "6500", "50001", "50005", "50006" })
            {
                Assert.True(Reaches(manifests, app, InNamespace("dapr-system", new JsonObject()), port), $"{appId} to dapr-system:{port}");
            }
        }
    }

    /// <summary>The collector each app exports to (its OTEL_EXPORTER_OTLP_ENDPOINT) is one it may reach.</summary>
    [Theory]
    [MemberData(nameof(Overlays))]
    public void Every_app_reaches_the_telemetry_collector_it_exports_to(string overlay)
    {
        var manifests = Manifests.Overlay(overlay);
        foreach (var (appId, app) in manifests.DaprApps)
        {
            var endpoint = new Uri(Manifests.EnvValue(Manifests.ContainersOf(app).Single(), "OTEL_EXPORTER_OTLP_ENDPOINT")!);
            var collectorNamespace = endpoint.Host.Split('.')[1];
            var port = endpoint.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(Reaches(manifests, app, InNamespace(collectorNamespace, new JsonObject()), port), $"{appId} to {endpoint}");
        }
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Every_app_reaches_the_identity_provider_over_https_and_only_there_outside_the_cluster(string overlay)
    {
        var manifests = Manifests.Overlay(overlay);
        foreach (var (appId, app) in manifests.DaprApps)
        {
            var outside = AllowedDestinations(manifests, app).Where(destination => destination.Peer["ipBlock"] is not null).ToList();
            Assert.NotEmpty(outside);
            Assert.All(outside, destination => Assert.Equal("443", destination.Port));
        }
    }

    private const string DaprInternalGrpcPort = "50002";

    /// <summary>One allowed way out: to which peer, to which port (null: any) and protocol.</summary>
    private sealed record Destination(JsonNode Peer, string? Port, string Protocol);

    private static IEnumerable<Destination> AllowedDestinations(Manifests manifests, JsonNode workload)
    {
        var labels = PodLabels(workload);
        var rules = manifests.OfKind("NetworkPolicy")
            .Where(policy => Selectors.Selects(policy["spec"]!["podSelector"], labels) || policy["spec"]!["podSelector"]!.AsObject().Count == 0)
            .SelectMany(policy => policy["spec"]!["egress"]?.AsArray() ?? []);
        foreach (var rule in rules)
        {
            var ports = rule!["ports"]?.AsArray().Select(port => ((string?)port!["port"]!.GetValue<string>(), port["protocol"]?.GetValue<string>() ?? "TCP")).ToList()
                ?? [(null, "TCP"), (null, "UDP")];
            foreach (var (port, protocol) in ports)
            {
                // A rule without "to" goes anywhere: an empty peer stands for that.
                foreach (var peer in rule["to"]?.AsArray() ?? [new JsonObject()])
                {
                    yield return new Destination(peer!, port, protocol);
                }
            }
        }
    }

    private static bool Reaches(Manifests manifests, JsonNode workload, Func<JsonNode, bool> peerMatches, string port, string protocol = "TCP") =>
        AllowedDestinations(manifests, workload).Any(destination =>
            peerMatches(destination.Peer) && (destination.Port ?? port) == port && destination.Protocol == protocol);

    /// <summary>A peer that is <paramref name="workload"/>'s pods in the suite's own namespace.</summary>
    private static Func<JsonNode, bool> InThisNamespace(JsonNode workload) => peer =>
        Anywhere(peer)
        || (peer["namespaceSelector"] is null && peer["ipBlock"] is null && Selectors.Selects(peer["podSelector"], PodLabels(workload)));

    /// <summary>A peer that includes pods labelled <paramref name="labels"/> in namespace <paramref name="name"/>.</summary>
    private static Func<JsonNode, bool> InNamespace(string name, JsonObject labels) => peer =>
        Anywhere(peer)
        || (Selectors.Selects(peer["namespaceSelector"], new JsonObject { ["kubernetes.io/metadata.name"] = name })
            && (peer["podSelector"] is null || Selectors.Selects(peer["podSelector"], labels)));

    /// <summary>One allowed way in: from which pods (null when from outside), to which port (null: any).</summary>
    private sealed record Source(bool FromOutside, JsonNode? PodSelector, string? Port);

    private static bool Anywhere(JsonNode peer) => peer.AsObject().Count == 0;

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

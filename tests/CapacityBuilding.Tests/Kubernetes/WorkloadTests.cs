using System.Text.Json.Nodes;

namespace CapacityBuilding.Tests.Kubernetes;

/// <summary>
/// Every workload an operator deploys, in every overlay: probes, resources, a non-root read-only
/// security context; every Deployment autoscaled and protected by a disruption budget; and the
/// ports, probes and Dapr annotations of each app as its own configuration says.
/// </summary>
public sealed class WorkloadTests
{
    public static TheoryData<string, string> Workloads
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var overlay in Manifests.Overlays)
            {
                foreach (var workload in Manifests.Overlay(overlay).Workloads)
                {
                    data.Add(overlay, $"{Manifests.KindOf(workload)}/{Manifests.NameOf(workload)}");
                }
            }

            return data;
        }
    }

    public static TheoryData<string> Overlays => CodeUnderTest.Overlays;

    public static TheoryData<string> ServiceAppIds => CodeUnderTest.ServiceAppIds;

    [Theory]
    [MemberData(nameof(Workloads))]
    public void Every_container_has_probes_resources_and_a_locked_down_security_context(string overlay, string workload)
    {
        var item = Workload(overlay, workload);
        var pod = Manifests.PodSpecOf(item);
        Assert.Equal("true", pod["securityContext"]?["runAsNonRoot"]?.GetValue<string>());
        Assert.NotEqual("0", pod["securityContext"]?["runAsUser"]?.GetValue<string>() ?? "0");

        foreach (var container in Manifests.ContainersOf(item))
        {
            Assert.NotNull(container["livenessProbe"]);
            Assert.NotNull(container["readinessProbe"]);
            foreach (var bound in new[] { "requests", "limits" })
            {
                foreach (var resource in new[] { "cpu", "memory" })
                {
                    Assert.False(string.IsNullOrEmpty(container["resources"]?[bound]?[resource]?.GetValue<string>()), $"{workload}: no resources.{bound}.{resource}.");
                }
            }

            var security = container["securityContext"];
            Assert.Equal("true", security?["readOnlyRootFilesystem"]?.GetValue<string>());
            Assert.Equal("false", security?["allowPrivilegeEscalation"]?.GetValue<string>());
            Assert.Equal(["ALL"], security?["capabilities"]?["drop"]?.AsArray().Select(capability => capability!.GetValue<string>()) ?? []);
        }
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Every_deployment_has_an_autoscaler_and_a_disruption_budget_and_leaves_the_replica_count_to_the_autoscaler(string overlay)
    {
        var manifests = Manifests.Overlay(overlay);
        foreach (var deployment in manifests.OfKind("Deployment"))
        {
            var name = Manifests.NameOf(deployment);
            Assert.Null(deployment["spec"]!["replicas"]);

            var autoscaler = Assert.Single(manifests.OfKind("HorizontalPodAutoscaler"), hpa => hpa["spec"]!["scaleTargetRef"]!["name"]!.GetValue<string>() == name);
            Assert.Equal("Deployment", autoscaler["spec"]!["scaleTargetRef"]!["kind"]!.GetValue<string>());
            var min = Number(autoscaler["spec"]!["minReplicas"]);
            Assert.InRange(min, 1, Number(autoscaler["spec"]!["maxReplicas"]));

            var podLabels = deployment["spec"]!["template"]!["metadata"]!["labels"]!.AsObject();
            Assert.Single(manifests.OfKind("PodDisruptionBudget"), pdb => Selectors.Selects(pdb["spec"]!["selector"], podLabels)
                && (pdb["spec"]!["maxUnavailable"] is not null || Number(pdb["spec"]!["minAvailable"]) < min));
        }
    }

    /// <summary>
    /// The port the service's appsettings give it is the container's port, the Urls the
    /// Deployment sets, the Dapr app-port, every probe's port and the Service's target; probes
    /// are gRPC (h2c only), liveness on the liveness service, readiness on the default one.
    /// </summary>
    [Theory]
    [MemberData(nameof(ServiceAppIds))]
    public void Each_service_runs_on_the_port_of_its_appsettings_in_dapr_mode(string appId)
    {
        var port = AppSettings.ServicePort(CodeUnderTest.Services[appId]).ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var overlay in Manifests.Overlays)
        {
            var manifests = Manifests.Overlay(overlay);
            Assert.True(manifests.DaprApps.TryGetValue(appId, out var deployment), $"{overlay}: no Dapr app {appId}.");
            Assert.Equal(port, Manifests.PodAnnotation(deployment, Manifests.DaprAppPort));
            Assert.Equal("grpc", Manifests.PodAnnotation(deployment, Manifests.DaprAppProtocol));

            var container = Manifests.ContainersOf(deployment).Single();
            Assert.Equal([port], container["ports"]!.AsArray().Select(entry => entry!["containerPort"]!.GetValue<string>()));
            Assert.Equal($"http://+:{port}", Manifests.EnvValue(container, "Urls"));
            Assert.Equal("Dapr", Manifests.EnvValue(container, "Invocation__Mode"));
            AssertGrpcProbes(container, port, readinessService: null);
            AssertServiceTargets(manifests, appId, deployment, port);
        }
    }

    /// <summary>
    /// The portal serves HTTP/1.1 on the port of its appsettings (container port, Urls, probes,
    /// Service) and calls the services through its Dapr sidecar, which no app calls: no app port.
    /// Readiness is its /health (Redis, where the sessions are).
    /// </summary>
    [Theory]
    [MemberData(nameof(Overlays))]
    public void The_portal_serves_http_on_the_port_of_its_appsettings_and_calls_through_dapr(string overlay)
    {
        var port = AppSettings.ServicePort(CodeUnderTest.PortalFolder).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var manifests = Manifests.Overlay(overlay);
        Assert.True(manifests.DaprApps.TryGetValue(CodeUnderTest.PortalAppId, out var deployment), $"{overlay}: no Dapr app portal.");
        Assert.Null(Manifests.PodAnnotation(deployment, Manifests.DaprAppPort));

        var container = Manifests.ContainersOf(deployment).Single();
        Assert.Equal([port], container["ports"]!.AsArray().Select(entry => entry!["containerPort"]!.GetValue<string>()));
        Assert.Equal($"http://+:{port}", Manifests.EnvValue(container, "Urls"));
        Assert.Equal("Dapr", Manifests.EnvValue(container, "Invocation__Mode"));
        Assert.Equal("/health", container["readinessProbe"]?["httpGet"]?["path"]?.GetValue<string>());
        Assert.Equal(port, container["readinessProbe"]?["httpGet"]?["port"]?.GetValue<string>());
        AssertServiceTargets(manifests, CodeUnderTest.PortalAppId, deployment, port);
    }

    [Fact]
    public void The_gateway_listens_where_its_appsettings_say_and_reaches_each_cluster_by_its_service_name()
    {
        var rest = AppSettings.GatewayPort("Rest").ToString(System.Globalization.CultureInfo.InvariantCulture);
        var grpc = AppSettings.GatewayPort("Grpc").ToString(System.Globalization.CultureInfo.InvariantCulture);
        var clusters = AppSettings.Of(CodeUnderTest.GatewayFolder)["ReverseProxy"]!["Clusters"]!.AsObject();
        foreach (var overlay in Manifests.Overlays)
        {
            var manifests = Manifests.Overlay(overlay);
            var deployment = manifests.DaprApps[CodeUnderTest.GatewayAppId];
            var container = Manifests.ContainersOf(deployment).Single();
            Assert.Equal($"http://+:{rest}", Manifests.EnvValue(container, "Kestrel__Endpoints__Rest__Url"));
            Assert.Equal($"http://+:{grpc}", Manifests.EnvValue(container, "Kestrel__Endpoints__Grpc__Url"));
            Assert.Equal(grpc, Manifests.PodAnnotation(deployment, Manifests.DaprAppPort));
            AssertGrpcProbes(container, grpc, readinessService: "liveness");
            AssertServiceTargets(manifests, CodeUnderTest.GatewayAppId, deployment, rest);
            AssertServiceTargets(manifests, CodeUnderTest.GatewayAppId, deployment, grpc);

            foreach (var (cluster, _) in clusters)
            {
                var address = Manifests.EnvValue(container, $"ReverseProxy__Clusters__{cluster}__Destinations__primary__Address");
                Assert.True(address is not null, $"{overlay}: the gateway keeps the local address of cluster {cluster}.");
                var uri = new Uri(address);
                var project = cluster == CodeUnderTest.PortalAppId ? CodeUnderTest.PortalFolder : CodeUnderTest.Services[cluster];
                var servicePort = AppSettings.ServicePort(project).ToString(System.Globalization.CultureInfo.InvariantCulture);
                Assert.Equal(servicePort, uri.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
                AssertServiceTargets(manifests, uri.Host, manifests.DaprApps[cluster], servicePort);
            }
        }
    }

    /// <summary>
    /// Each service signs in as its own Redis ACL user with that user's key of the Secret the
    /// Redis container hashes its ACL passwords from (RedisManifestTests holds the ACL itself).
    /// </summary>
    [Theory]
    [MemberData(nameof(Overlays))]
    public void Apps_reach_redis_by_its_service_as_their_own_user_with_their_key_of_the_secret_redis_uses(string overlay)
    {
        var manifests = Manifests.Overlay(overlay);
        var redis = manifests.Get("StatefulSet", "redis");
        var passwordsSecret = Manifests.PodSpecOf(redis)["volumes"]!.AsArray().Single(volume => volume!["secret"] is not null)!["secret"]!["secretName"]!.GetValue<string>();
        AssertServiceTargets(manifests, "redis", redis, "6379");

        foreach (var appId in CodeUnderTest.RedisUsers)
        {
            var container = Manifests.ContainersOf(manifests.DaprApps[appId]).Single();
            Assert.Equal("redis:6379", Manifests.EnvValue(container, "Redis__ConnectionString"));
            Assert.Equal(appId, Manifests.EnvValue(container, "Redis__User"));
            Assert.Equal($"{passwordsSecret}/{appId}", SecretRef(container, "Redis__Password"));
        }
    }

    /// <summary>
    /// Every app whose appsettings validate bearer tokens gets the same issuer, audience and
    /// exactly one way to check signatures (a key from a Secret, or an OIDC authority), as the
    /// services re-validate the token the gateway accepted.
    /// </summary>
    [Theory]
    [MemberData(nameof(Overlays))]
    public void Every_app_that_validates_tokens_gets_the_same_issuer_audience_and_key(string overlay)
    {
        var manifests = Manifests.Overlay(overlay);
        var projects = CodeUnderTest.Services.Append(KeyValuePair.Create(CodeUnderTest.GatewayAppId, CodeUnderTest.GatewayFolder))
            .Where(project => AppSettings.Of(project.Value)["Authentication"]?["Jwt"] is not null)
            .ToList();
        Assert.NotEmpty(projects);

        var settings = projects.Select(project =>
        {
            var container = Manifests.ContainersOf(manifests.DaprApps[project.Key]).Single();
            var key = container["env"]!.AsArray().SingleOrDefault(variable => variable!["name"]!.GetValue<string>() == "Authentication__Jwt__SigningKey");
            var authority = Manifests.EnvValue(container, "Authentication__Jwt__Authority");
            Assert.True((key is null) != (authority is null), $"{project.Key}: set exactly one of Authentication__Jwt__SigningKey and __Authority.");
            Assert.True(key is null || key["valueFrom"]?["secretKeyRef"] is not null, $"{project.Key}: the signing key belongs in a Secret.");
            return string.Join(" | ",
                Manifests.EnvValue(container, "Authentication__Jwt__Issuer") ?? "no issuer",
                Manifests.EnvValue(container, "Authentication__Jwt__Audience") ?? "no audience",
                key?["valueFrom"]?.ToJsonString() ?? authority);
        }).ToList();

        Assert.DoesNotContain(settings, setting => setting.Contains("no issuer", StringComparison.Ordinal) || setting.Contains("no audience", StringComparison.Ordinal));
        Assert.Single(settings.Distinct());
    }

    private static void AssertGrpcProbes(JsonObject container, string port, string? readinessService)
    {
        foreach (var probe in new[] { "startupProbe", "livenessProbe", "readinessProbe" })
        {
            Assert.Equal(port, container[probe]?["grpc"]?["port"]?.GetValue<string>());
        }

        Assert.Equal("liveness", container["livenessProbe"]!["grpc"]!["service"]?.GetValue<string>());
        Assert.Equal("liveness", container["startupProbe"]!["grpc"]!["service"]?.GetValue<string>());
        Assert.Equal(readinessService, container["readinessProbe"]!["grpc"]!["service"]?.GetValue<string>());
    }

    /// <summary>A Service of that name selects the workload's pods and sends its <paramref name="port"/> to that container port.</summary>
    private static void AssertServiceTargets(Manifests manifests, string serviceName, JsonNode workload, string port)
    {
        var service = manifests.Get("Service", serviceName);
        Assert.True(Selectors.Selects(service["spec"]!["selector"], workload["spec"]!["template"]!["metadata"]!["labels"]!.AsObject(), matchLabelsOnly: true),
            $"Service {serviceName} does not select the pods of {Manifests.NameOf(workload)}.");
        var servicePort = service["spec"]!["ports"]!.AsArray().SingleOrDefault(entry => entry!["port"]!.GetValue<string>() == port);
        Assert.True(servicePort is not null, $"Service {serviceName} has no port {port}.");
        var target = servicePort["targetPort"]?.GetValue<string>() ?? port;
        var containerPort = Manifests.ContainersOf(workload).SelectMany(container => container["ports"]!.AsArray())
            .Single(entry => entry!["containerPort"]!.GetValue<string>() == target || entry["name"]?.GetValue<string>() == target)!;
        Assert.Equal(port, containerPort["containerPort"]!.GetValue<string>());
    }

    private static string SecretRef(JsonNode container, string variable)
    {
        var reference = container["env"]!.AsArray().Single(entry => entry!["name"]!.GetValue<string>() == variable)!["valueFrom"]!["secretKeyRef"]!;
        return $"{reference["name"]!.GetValue<string>()}/{reference["key"]!.GetValue<string>()}";
    }

    private static JsonObject Workload(string overlay, string kindAndName)
    {
        var parts = kindAndName.Split('/');
        return Manifests.Overlay(overlay).Get(parts[0], parts[1]);
    }

    private static int Number(JsonNode? node) => int.Parse(node!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
}

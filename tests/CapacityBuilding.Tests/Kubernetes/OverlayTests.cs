using System.Text.Json.Nodes;
using CapacityBuilding.Testing;

namespace CapacityBuilding.Tests.Kubernetes;

/// <summary>
/// The overlays an operator applies render (with the tests' <see cref="Kustomization"/>), keep
/// every object of the base in the suite's namespace, run pinned images, leave production
/// secrets to the operator, and publish the gateway over TLS for REST and for every gRPC route.
/// </summary>
public sealed class OverlayTests
{
    public static TheoryData<string> Overlays => CodeUnderTest.Overlays;

    [Theory]
    [MemberData(nameof(Overlays))]
    public void The_overlay_renders_every_object_of_the_base_into_the_suites_namespace(string overlay)
    {
        var manifests = Manifests.Overlay(overlay);
        var rendered = manifests.Objects.Select(item => $"{Manifests.KindOf(item)}/{Manifests.NameOf(item)}").ToList();
        Assert.Equal(rendered.Count, rendered.Distinct().Count());
        Assert.Subset(rendered.ToHashSet(), Manifests.Base.Objects.Select(item => $"{Manifests.KindOf(item)}/{Manifests.NameOf(item)}").ToHashSet());
        Assert.All(manifests.Objects.Where(item => Manifests.KindOf(item) != "Namespace"),
            item => Assert.Equal(manifests.Namespace, item["metadata"]!["namespace"]?.GetValue<string>()));
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Every_image_has_a_tag_and_production_pulls_the_suites_images_from_a_registry(string overlay)
    {
        var images = Manifests.Overlay(overlay).Workloads.SelectMany(Manifests.ContainersOf).Select(container => container["image"]!.GetValue<string>()).ToList();
        Assert.All(images, image =>
        {
            var tag = image.Contains(':', StringComparison.Ordinal) ? image[(image.LastIndexOf(':') + 1)..] : "";
            Assert.False(tag is "" or "latest", $"{image}: pin a tag.");
        });

        if (overlay == "prod")
        {
            Assert.All(images.Where(image => image.Contains("capacitybuilding", StringComparison.Ordinal)),
                image => Assert.Contains('.', image.Split('/')[0]));
        }
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Every_secret_a_pod_reads_is_rendered_for_dev_and_created_by_the_operator_in_prod_as_the_deployment_page_says(string overlay)
    {
        var manifests = Manifests.Overlay(overlay);
        var references = manifests.Workloads.SelectMany(Manifests.ContainersOf)
            .SelectMany(container => container["env"]?.AsArray() ?? [])
            .Select(variable => variable!["valueFrom"]?["secretKeyRef"])
            .OfType<JsonNode>()
            .Select(reference => (Name: reference["name"]!.GetValue<string>(), Key: reference["key"]!.GetValue<string>()))
            .Distinct()
            .ToList();
        Assert.NotEmpty(references);

        var deploymentPage = File.ReadAllText(Path.Combine(RepositoryLayout.Root.FullName, "docs", "deployment.md"));
        foreach (var (name, key) in references)
        {
            var secret = manifests.Find("Secret", name);
            if (overlay == "prod")
            {
                Assert.Null(secret);
                Assert.Contains($"kubectl create secret generic {name}", deploymentPage, StringComparison.Ordinal);
                Assert.Contains($"--from-literal={key}=", deploymentPage, StringComparison.Ordinal);
            }
            else
            {
                Assert.True(secret?["stringData"]?[key] is not null || secret?["data"]?[key] is not null, $"{overlay}: no Secret {name} with key {key}.");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Every_ingress_serves_tls_for_its_hosts_with_a_certificate_from_cert_manager(string overlay)
    {
        var ingresses = Manifests.Overlay(overlay).OfKind("Ingress").ToList();
        Assert.NotEmpty(ingresses);
        foreach (var ingress in ingresses)
        {
            Assert.False(string.IsNullOrEmpty(ingress["metadata"]!["annotations"]?["cert-manager.io/cluster-issuer"]?.GetValue<string>()));
            var tls = ingress["spec"]!["tls"]!.AsArray();
            Assert.All(tls, entry => Assert.False(string.IsNullOrEmpty(entry!["secretName"]?.GetValue<string>())));
            var tlsHosts = tls.SelectMany(entry => entry!["hosts"]!.AsArray()).Select(host => host!.GetValue<string>()).ToHashSet();
            Assert.All(ingress["spec"]!["rules"]!.AsArray(), rule => Assert.Contains(rule!["host"]!.GetValue<string>(), tlsHosts));
        }
    }

    /// <summary>
    /// REST goes to the gateway's HTTP/1.1 port; every gRPC route of the gateway's appsettings
    /// has a path on an Ingress that speaks gRPC to the gateway's gRPC port.
    /// </summary>
    [Theory]
    [MemberData(nameof(Overlays))]
    public void The_ingresses_send_rest_to_the_rest_port_and_every_grpc_route_to_the_grpc_port(string overlay)
    {
        var manifests = Manifests.Overlay(overlay);
        var restPort = AppSettings.GatewayPort("Rest").ToString(System.Globalization.CultureInfo.InvariantCulture);
        var grpcPort = AppSettings.GatewayPort("Grpc").ToString(System.Globalization.CultureInfo.InvariantCulture);
        var routes = manifests.OfKind("Ingress").SelectMany(ingress => ingress["spec"]!["rules"]!.AsArray()
            .SelectMany(rule => rule!["http"]!["paths"]!.AsArray())
            .Select(path => (
                Grpc: ingress["metadata"]!["annotations"]?["nginx.ingress.kubernetes.io/backend-protocol"]?.GetValue<string>() == "GRPC",
                Path: path!["path"]!.GetValue<string>(),
                Service: path["backend"]!["service"]!["name"]!.GetValue<string>(),
                Port: TargetPort(manifests, path["backend"]!["service"]!["port"]!))))
            .ToList();

        Assert.All(routes, route => Assert.Equal(CodeUnderTest.GatewayAppId, route.Service));
        Assert.Contains(routes, route => route is { Grpc: false, Path: "/" } && route.Port == restPort);
        Assert.All(routes.Where(route => route.Grpc), route => Assert.Equal(grpcPort, route.Port));

        var grpcPrefixes = routes.Where(route => route.Grpc).Select(route => route.Path).ToList();
        var gatewayRoutes = AppSettings.Of(CodeUnderTest.GatewayFolder)["ReverseProxy"]!["Routes"]!.AsObject()
            .Select(route => route.Value!["Match"]!["Path"]!.GetValue<string>())
            .Where(path => path.EndsWith("/{method}", StringComparison.Ordinal))
            .Select(path => path[..^"/{method}".Length])
            .ToList();
        Assert.NotEmpty(gatewayRoutes);
        Assert.All(gatewayRoutes, route => Assert.Contains(route, grpcPrefixes));
    }

    /// <summary>The container port behind a Service port given by name or number.</summary>
    private static string TargetPort(Manifests manifests, JsonNode backendPort)
    {
        var servicePort = manifests.Get("Service", CodeUnderTest.GatewayAppId)["spec"]!["ports"]!.AsArray().Single(port =>
            (backendPort["name"] is { } name && port!["name"]?.GetValue<string>() == name.GetValue<string>())
            || (backendPort["number"] is { } number && port!["port"]!.GetValue<string>() == number.GetValue<string>()))!;
        var target = servicePort["targetPort"]!.GetValue<string>();
        var gateway = manifests.DaprApps[CodeUnderTest.GatewayAppId];
        return Manifests.ContainersOf(gateway).Single()["ports"]!.AsArray()
            .Single(port => port!["name"]?.GetValue<string>() == target || port["containerPort"]!.GetValue<string>() == target)!["containerPort"]!.GetValue<string>();
    }
}

namespace CapacityBuilding.Tests.Kubernetes;

/// <summary>
/// mTLS is the control plane's: the sidecar injector starts every daprd with mTLS when the
/// Configuration <c>daprsystem</c> of the control plane's namespace says so (dapr/dapr v1.15.0,
/// pkg/injector/service/pod_patch.go, mTLSEnabled), and an app's own Configuration has no say.
/// Access control knows callers only by their mTLS identity, so it must be on there.
/// </summary>
public sealed class DaprControlPlaneTests
{
    public static TheoryData<string> Overlays => CodeUnderTest.Overlays;

    [Fact]
    public void The_daprsystem_configuration_in_the_control_planes_namespace_turns_mtls_on()
    {
        var configuration = Assert.Single(DaprControlPlane.Objects, item => Manifests.KindOf(item) == "Configuration");
        Assert.Equal(DaprControlPlane.ConfigurationName, Manifests.NameOf(configuration));
        Assert.Equal(DaprControlPlane.Namespace, configuration["metadata"]!["namespace"]?.GetValue<string>());
        Assert.Equal("true", configuration["spec"]?["mtls"]?["enabled"]?.GetValue<string>());
    }

    /// <summary>The sidecars reach the control plane in the namespace whose Configuration this is.</summary>
    [Theory]
    [MemberData(nameof(Overlays))]
    public void The_sidecars_may_reach_the_namespace_of_the_daprsystem_configuration(string overlay)
    {
        var egress = Manifests.Overlay(overlay).Get("NetworkPolicy", "egress-dapr")["spec"]!["egress"]!.AsArray();
        var namespaces = egress.SelectMany(rule => rule!["to"]!.AsArray())
            .Select(peer => peer!["namespaceSelector"]?["matchLabels"]?["kubernetes.io/metadata.name"]?.GetValue<string>());
        Assert.Contains(DaprControlPlane.Namespace, namespaces);
    }

    /// <summary>
    /// An app's Configuration with <c>spec.mtls</c> reads as if it set mTLS, and does nothing;
    /// and no overlay renders a daprsystem Configuration, which the base would move out of the
    /// control plane's namespace.
    /// </summary>
    [Theory]
    [MemberData(nameof(Overlays))]
    public void No_app_configuration_sets_mtls_and_no_overlay_renders_the_daprsystem_one(string overlay)
    {
        var configurations = Manifests.Overlay(overlay).OfKind("Configuration").ToList();
        Assert.NotEmpty(configurations);
        Assert.All(configurations, configuration =>
        {
            Assert.True(configuration["spec"]?["mtls"] is null, $"Configuration {Manifests.NameOf(configuration)}: spec.mtls belongs in k8s/dapr-system/, where it counts.");
            Assert.NotEqual(DaprControlPlane.ConfigurationName, Manifests.NameOf(configuration));
        });
    }
}

using System.Text.Json.Nodes;
using CapacityBuilding.Testing;

namespace CapacityBuilding.Tests.Kubernetes;

/// <summary>
/// The manifests against the Dapr release they need (<see cref="DaprRelease"/>, v1.15.0, the
/// first with Resiliency retry <c>matching</c>): every field of every Dapr object is one its CRD
/// schema knows, since the API server silently drops the others, and every <c>dapr.io/*</c>
/// annotation is one its injector reads, since it ignores the others.
/// </summary>
public sealed class DaprReleaseTests
{
    /// <summary>Every rendering an operator applies: the overlays, and the control plane's folder.</summary>
    public static TheoryData<string> Overlays => CodeUnderTest.Overlays;

    public static TheoryData<string> Renderings => new([.. Manifests.Overlays, ControlPlane]);

    private const string ControlPlane = "dapr-system";

    [Theory]
    [MemberData(nameof(Renderings))]
    public void Every_dapr_object_fits_the_crd_schema_of_the_release(string rendering)
    {
        var objects = ObjectsOf(rendering).Where(DaprRelease.IsDaprKind).ToList();
        Assert.NotEmpty(objects);
        foreach (var item in objects)
        {
            var key = (item["apiVersion"]!.GetValue<string>(), Manifests.KindOf(item));
            Assert.True(DaprRelease.Schemas.TryGetValue(key, out var schema), $"{key}: Dapr {DaprRelease.Tag} has no such CRD.");
            var violations = CrdSchema.Violations(item, schema).ToList();
            Assert.True(violations.Count == 0, $"{key.Item2}/{Manifests.NameOf(item)} against Dapr {DaprRelease.Tag}: {string.Join(" ", violations)}");
        }
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Every_dapr_annotation_is_one_the_injector_of_the_release_reads(string overlay)
    {
        var used = Manifests.Overlay(overlay).Workloads
            .SelectMany(workload => workload["spec"]!["template"]!["metadata"]?["annotations"]?.AsObject() ?? [])
            .Select(annotation => annotation.Key)
            .Where(key => key.StartsWith("dapr.io/", StringComparison.Ordinal))
            .Distinct()
            .ToList();
        Assert.Contains(Manifests.DaprEnabled, used);
        Assert.All(used, key => Assert.True(DaprRelease.InjectorAnnotations.Contains(key), $"{key}: the injector of Dapr {DaprRelease.Tag} does not read it."));
    }

    /// <summary>The schema check can fail: a field the release does not know (retry matching on a breaker), a wrong type, a missing required field.</summary>
    [Fact]
    public void The_schema_check_finds_unknown_fields_wrong_types_and_missing_required_ones()
    {
        Assert.Contains("dapr.io/sidecar-cpu-request", DaprRelease.InjectorAnnotations);
        var schema = DaprRelease.Schemas[("dapr.io/v1alpha1", "Resiliency")];
        var resiliency = YamlDocuments.Parse("""
            apiVersion: dapr.io/v1alpha1
            kind: Resiliency
            metadata:
              name: broken
            spec:
              policies:
                circuitBreakers:
                  downstream:
                    maxRequests: one
                    matching:
                      gRPCStatusCodes: "5"
            """).Single();

        Assert.Equal(
            [".spec.targets: required.",
             ".spec.policies.circuitBreakers.downstream.maxRequests: \"one\" is not of type integer.",
             ".spec.policies.circuitBreakers.downstream.matching: not in the schema (the API server would drop it)."],
            CrdSchema.Violations(resiliency, schema));
    }

    /// <summary>The release the tests check against is the one docs/deployment.md tells operators to run.</summary>
    [Fact]
    public void The_deployment_guide_states_the_release_and_its_commit()
    {
        var guide = File.ReadAllText(Path.Combine(RepositoryLayout.Root.FullName, "docs", "deployment.md"));
        Assert.Contains(DaprRelease.Tag, guide, StringComparison.Ordinal);
        Assert.Contains(DaprRelease.Commit, guide, StringComparison.Ordinal);
        Assert.Contains(DaprRelease.Commit, File.ReadAllText(Path.Combine(DaprRelease.Folder, "README.md")), StringComparison.Ordinal);
    }

    private static IEnumerable<JsonObject> ObjectsOf(string rendering) =>
        rendering == ControlPlane ? DaprControlPlane.Objects : Manifests.Overlay(rendering).Objects;
}

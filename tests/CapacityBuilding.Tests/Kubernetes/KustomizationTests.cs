namespace CapacityBuilding.Tests.Kubernetes;

/// <summary>
/// The tests' renderer refuses what it does not understand rather than rendering something
/// else than kubectl would, so "the overlays render" means something.
/// </summary>
public sealed class KustomizationTests : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("capacitybuilding-kustomize-");

    public static TheoryData<string, string> Refused => new()
    {
        { "an unknown field", "commonLabels:\n  team: unodc\n" },
        { "a strategic merge patch of a missing object", "patches:\n  - path: patch.yaml\n" },
        { "a JSON patch of a missing field", "patches:\n  - target:\n      kind: ConfigMap\n    patch: |-\n      - op: replace\n        path: /data/missing\n        value: x\n" },
        { "a JSON patch that matches no object", "patches:\n  - target:\n      kind: Secret\n    patch: |-\n      - op: add\n        path: /data/key\n        value: x\n" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void Refuses(string what, string kustomization)
    {
        File.WriteAllText(Path.Combine(folder.FullName, "config.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  mode: Dapr\n");
        File.WriteAllText(Path.Combine(folder.FullName, "patch.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: other\ndata:\n  mode: Direct\n");
        File.WriteAllText(Path.Combine(folder.FullName, "kustomization.yaml"), "resources:\n  - config.yaml\n" + kustomization);

        var failure = Record.Exception(() => Kustomization.Render(folder.FullName));

        Assert.True(failure is not null, $"Rendered {what}.");
    }

    [Fact]
    public void Patches_images_and_namespace_apply_as_in_kustomize()
    {
        File.WriteAllText(Path.Combine(folder.FullName, "deployment.yaml"), """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: training
            spec:
              template:
                spec:
                  containers:
                    - name: training
                      image: capacitybuilding/training
                      env:
                        - name: Urls
                          value: http://+:5102
            """);
        File.WriteAllText(Path.Combine(folder.FullName, "patch.yaml"), """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: training
            spec:
              template:
                spec:
                  containers:
                    - name: training
                      env:
                        - name: Invocation__Mode
                          value: Dapr
            """);
        File.WriteAllText(Path.Combine(folder.FullName, "kustomization.yaml"), """
            namespace: capacitybuilding
            resources:
              - deployment.yaml
            images:
              - name: capacitybuilding/training
                newName: registry.example.org/training
                newTag: "1.2"
            patches:
              - path: patch.yaml
              - target:
                  kind: Deployment
                  name: training
                patch: |-
                  - op: add
                    path: /spec/replicas
                    value: "2"
            """);

        var deployment = Assert.Single(Kustomization.Render(folder.FullName));

        Assert.Equal("capacitybuilding", deployment["metadata"]!["namespace"]!.GetValue<string>());
        Assert.Equal("2", deployment["spec"]!["replicas"]!.GetValue<string>());
        var container = Manifests.ContainersOf(deployment).Single();
        Assert.Equal("registry.example.org/training:1.2", container["image"]!.GetValue<string>());
        Assert.Equal("http://+:5102", Manifests.EnvValue(container, "Urls"));
        Assert.Equal("Dapr", Manifests.EnvValue(container, "Invocation__Mode"));
    }

    public void Dispose() => folder.Delete(recursive: true);
}

using System.Text.Json.Nodes;

namespace CapacityBuilding.Tests.Kubernetes;

/// <summary>
/// What k8s/dapr-system/ asks of Dapr's control plane: the <c>daprsystem</c> Configuration, the
/// only one whose <c>spec.mtls</c> counts. Applied on its own (not through an overlay), since the
/// base moves everything it renders into the suite's namespace.
/// </summary>
internal static class DaprControlPlane
{
    public const string Namespace = "dapr-system";

    public const string ConfigurationName = "daprsystem";

    public static string Folder { get; } = Path.Combine(Manifests.Root, "dapr-system");

    public static IReadOnlyList<JsonObject> Objects { get; } = Directory.GetFiles(Folder, "*.yaml")
        .SelectMany(YamlDocuments.Load)
        .Select(item => item.AsObject())
        .ToList();
}

using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using CapacityBuilding.Testing;

namespace CapacityBuilding.Tests.Kubernetes;

/// <summary>
/// The objects one Kustomize directory of k8s/ renders to (base or an overlay), rendered once
/// per test run, with the look-ups the tests share. The objects are shared: tests only read them.
/// </summary>
internal sealed class Manifests
{
    public const string DaprEnabled = "dapr.io/enabled";
    public const string DaprAppId = "dapr.io/app-id";
    public const string DaprAppPort = "dapr.io/app-port";
    public const string DaprAppProtocol = "dapr.io/app-protocol";
    public const string DaprConfig = "dapr.io/config";

    private static readonly ConcurrentDictionary<string, Lazy<Manifests>> Rendered = new();

    private Manifests(string folder, IReadOnlyList<JsonObject> objects)
    {
        Folder = folder;
        Objects = objects;
    }

    public static string Root => Path.Combine(RepositoryLayout.Root.FullName, "k8s");

    /// <summary>The overlays an operator applies; each must render.</summary>
    public static IReadOnlyList<string> Overlays { get; } = ["dev", "prod"];

    public static Manifests Base => Of("base");

    public static Manifests Overlay(string name) => Of(Path.Combine("overlays", name));

    public string Folder { get; }

    public IReadOnlyList<JsonObject> Objects { get; }

    /// <summary>The namespace the suite runs in: the one Namespace object of the rendering.</summary>
    public string Namespace => NameOf(OfKind("Namespace").Single());

    public IEnumerable<JsonObject> OfKind(string kind) => Objects.Where(candidate => KindOf(candidate) == kind);

    public JsonObject? Find(string kind, string name) => OfKind(kind).SingleOrDefault(candidate => NameOf(candidate) == name);

    public JsonObject Get(string kind, string name) =>
        Find(kind, name) ?? throw new KeyNotFoundException($"{Folder} renders no {kind} named {name}.");

    /// <summary>Everything that runs pods: Deployments and StatefulSets.</summary>
    public IEnumerable<JsonObject> Workloads => Objects.Where(candidate => KindOf(candidate) is "Deployment" or "StatefulSet");

    /// <summary>Deployments that get a Dapr sidecar, by their app-id.</summary>
    public IReadOnlyDictionary<string, JsonObject> DaprApps => OfKind("Deployment")
        .Where(deployment => PodAnnotation(deployment, DaprEnabled) == "true")
        .ToDictionary(deployment => PodAnnotation(deployment, DaprAppId) ?? throw new InvalidDataException($"{NameOf(deployment)} has no {DaprAppId}."));

    /// <summary>The Dapr Configuration an app's sidecar runs with (its <c>dapr.io/config</c>), or null.</summary>
    public JsonObject? DaprConfigurationOf(string appId) =>
        DaprApps.TryGetValue(appId, out var deployment) && PodAnnotation(deployment, DaprConfig) is { } name
            ? Find("Configuration", name)
            : null;

    public static string KindOf(JsonNode item) => item["kind"]!.GetValue<string>();

    public static string NameOf(JsonNode item) => item["metadata"]!["name"]!.GetValue<string>();

    public static JsonObject PodSpecOf(JsonNode workload) => workload["spec"]!["template"]!["spec"]!.AsObject();

    public static IEnumerable<JsonObject> ContainersOf(JsonNode item) =>
        KindOf(item) is "Deployment" or "StatefulSet"
            ? PodSpecOf(item)["containers"]!.AsArray().Select(container => container!.AsObject())
            : [];

    public static string? PodAnnotation(JsonNode workload, string key) =>
        workload["spec"]?["template"]?["metadata"]?["annotations"]?[key]?.GetValue<string>();

    /// <summary>The value of an environment variable set literally on a container, or null.</summary>
    public static string? EnvValue(JsonNode container, string name) =>
        container["env"]?.AsArray().FirstOrDefault(variable => variable!["name"]!.GetValue<string>() == name)?["value"]?.GetValue<string>();

    private static Manifests Of(string relativeFolder) =>
        Rendered.GetOrAdd(relativeFolder, folder => new Lazy<Manifests>(() =>
            new Manifests(folder, Kustomization.Render(Path.Combine(Root, folder))))).Value;
}

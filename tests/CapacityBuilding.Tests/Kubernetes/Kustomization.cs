using System.Text.Json.Nodes;

namespace CapacityBuilding.Tests.Kubernetes;

/// <summary>
/// Renders a Kustomize directory as <c>kubectl kustomize</c> would, for the part of Kustomize
/// that k8s/ uses, so the tests need no kubectl (which our package registries do not carry):
/// <c>resources</c> (files and directories), <c>namespace</c>, <c>images</c> (newName, newTag)
/// and <c>patches</c> (strategic merge from a file, or JSON 6902 inline or from a file, with an
/// optional target by kind and name). Any other field fails the render rather than being
/// ignored, and so does a patch that matches no object: an overlay the tests cannot understand
/// is an error, not a pass.
/// </summary>
internal static class Kustomization
{
    private static readonly HashSet<string> UnderstoodFields = ["apiVersion", "kind", "resources", "namespace", "images", "patches"];

    public static IReadOnlyList<JsonObject> Render(string directory)
    {
        var file = Path.Combine(directory, "kustomization.yaml");
        if (!File.Exists(file))
        {
            throw new FileNotFoundException($"No kustomization.yaml in {directory}.", file);
        }

        var kustomization = YamlDocuments.Load(file).Single().AsObject();
        var unknown = kustomization.Select(field => field.Key).Where(key => !UnderstoodFields.Contains(key)).ToList();
        if (unknown.Count > 0)
        {
            throw new NotSupportedException($"{file}: the tests' renderer does not understand {string.Join(", ", unknown)}.");
        }

        var objects = new List<JsonObject>();
        foreach (var resource in Strings(kustomization["resources"]))
        {
            var path = Path.GetFullPath(Path.Combine(directory, resource));
            objects.AddRange(Directory.Exists(path)
                ? Render(path)
                : YamlDocuments.Load(path).Select(document => document.AsObject()));
        }

        foreach (var patch in kustomization["patches"]?.AsArray() ?? [])
        {
            ApplyPatch(directory, patch!.AsObject(), objects);
        }

        foreach (var image in kustomization["images"]?.AsArray() ?? [])
        {
            SetImage(image!.AsObject(), objects);
        }

        if (kustomization["namespace"]?.GetValue<string>() is { } ns)
        {
            SetNamespace(ns, objects);
        }

        return objects;
    }

    private static void ApplyPatch(string directory, JsonObject patch, List<JsonObject> objects)
    {
        var text = patch["path"]?.GetValue<string>() is { } path
            ? File.ReadAllText(Path.Combine(directory, path))
            : patch["patch"]?.GetValue<string>() ?? throw new InvalidDataException("A patch needs path or patch.");
        var documents = YamlDocuments.Parse(text);
        var target = patch["target"]?.AsObject();

        if (documents is [JsonArray operations])
        {
            var targets = objects.Where(candidate => Matches(candidate, target)).ToList();
            Assert.True(targets.Count > 0, $"JSON patch target {target?.ToJsonString()} matches nothing.");
            foreach (var candidate in targets)
            {
                JsonPatch.Apply(candidate, operations);
            }

            return;
        }

        foreach (var document in documents.Select(document => document.AsObject()))
        {
            var kind = document["kind"]!.GetValue<string>();
            var name = document["metadata"]!["name"]!.GetValue<string>();
            var targets = objects.Where(candidate => Manifests.KindOf(candidate) == kind && Manifests.NameOf(candidate) == name).ToList();
            Assert.True(targets.Count == 1, $"Strategic merge patch of {kind}/{name} matches {targets.Count} objects.");
            StrategicMergePatch.Apply(targets[0], document);
        }
    }

    private static bool Matches(JsonObject candidate, JsonObject? target) =>
        target is null
        || ((target["kind"]?.GetValue<string>() is not { } kind || Manifests.KindOf(candidate) == kind)
            && (target["name"]?.GetValue<string>() is not { } name || Manifests.NameOf(candidate) == name));

    /// <summary>Kustomize's image transformer: matches the image name without tag or digest.</summary>
    private static void SetImage(JsonObject image, List<JsonObject> objects)
    {
        var name = image["name"]!.GetValue<string>();
        foreach (var container in objects.SelectMany(Manifests.ContainersOf))
        {
            var current = container["image"]!.GetValue<string>();
            var (currentName, currentTag) = SplitImage(current);
            if (currentName != name)
            {
                continue;
            }

            var newName = image["newName"]?.GetValue<string>() ?? currentName;
            var newTag = image["newTag"]?.GetValue<string>() ?? currentTag;
            container["image"] = newTag is null ? newName : $"{newName}:{newTag}";
        }
    }

    private static (string Name, string? Tag) SplitImage(string image)
    {
        var slash = image.LastIndexOf('/');
        var colon = image.LastIndexOf(':');
        return colon > slash ? (image[..colon], image[(colon + 1)..]) : (image, null);
    }

    /// <summary>Kustomize's namespace transformer: every namespaced object, and the Namespace's own name.</summary>
    private static void SetNamespace(string ns, List<JsonObject> objects)
    {
        foreach (var candidate in objects)
        {
            var metadata = candidate["metadata"]!.AsObject();
            if (Manifests.KindOf(candidate) == "Namespace")
            {
                metadata["name"] = ns;
            }
            else
            {
                metadata["namespace"] = ns;
            }
        }
    }

    private static IEnumerable<string> Strings(JsonNode? node) =>
        node?.AsArray().Select(item => item!.GetValue<string>()) ?? [];
}

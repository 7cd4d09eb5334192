using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CapacityBuilding.Testing;

namespace CapacityBuilding.Tests.Kubernetes;

/// <summary>
/// The Dapr release the manifests are written for, the suite's floor (docs/deployment.md, "Dapr
/// version"): its CRD schemas and its injector's annotations, copied unchanged from dapr/dapr
/// into DaprRelease/&lt;tag&gt;/ (the README there says from which files).
/// </summary>
internal static partial class DaprRelease
{
    /// <summary>The first release whose Resiliency has retry <c>matching</c> (dapr/dapr#8252, in v1.15.0's release notes).</summary>
    public const string Tag = "v1.15.0";

    public const string Commit = "6e0d7ba5c0399c49811ffe6f93b71a2782273963";

    public static string Folder { get; } = Path.Combine(RepositoryLayout.Root.FullName, "tests", "CapacityBuilding.Tests", "Kubernetes", "DaprRelease", Tag);

    /// <summary>The openAPIV3Schema of each served version of each Dapr CRD, by apiVersion and kind.</summary>
    public static IReadOnlyDictionary<(string ApiVersion, string Kind), JsonNode> Schemas { get; } = LoadSchemas();

    /// <summary>The annotation keys of pkg/injector/annotations/annotations.go: the only ones the injector reads.</summary>
    public static IReadOnlySet<string> InjectorAnnotations { get; } = AnnotationKey()
        .Matches(File.ReadAllText(Path.Combine(Folder, "annotations.go")))
        .Select(match => match.Groups[1].Value)
        .ToHashSet(StringComparer.Ordinal);

    public static bool IsDaprKind(JsonNode item) => item["apiVersion"]?.GetValue<string>().StartsWith("dapr.io/", StringComparison.Ordinal) == true;

    private static Dictionary<(string, string), JsonNode> LoadSchemas()
    {
        var schemas = new Dictionary<(string, string), JsonNode>();
        foreach (var file in Directory.GetFiles(Folder, "*.yaml"))
        {
            foreach (var crd in YamlDocuments.Load(file))
            {
                var spec = crd["spec"]!;
                foreach (var version in spec["versions"]!.AsArray().Where(version => version!["served"]?.GetValue<string>() == "true"))
                {
                    var apiVersion = $"{spec["group"]!.GetValue<string>()}/{version!["name"]!.GetValue<string>()}";
                    schemas.Add((apiVersion, spec["names"]!["kind"]!.GetValue<string>()), version["schema"]!["openAPIV3Schema"]!);
                }
            }
        }

        return schemas;
    }

    [GeneratedRegex("^\\s*Key\\w+\\s*=\\s*\"(dapr\\.io/[a-z0-9-]+)\"", RegexOptions.Multiline)]
    private static partial Regex AnnotationKey();
}

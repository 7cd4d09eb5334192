using System.Globalization;
using CapacityBuilding.Testing;
using YamlDotNet.RepresentationModel;

namespace CapacityBuilding.Benchmarks.Suite;

/// <summary>
/// The garbage collector's settings of an app's Kubernetes Deployment (k8s/base/{app}/deployment.yaml),
/// so that the harness measures the peak working set the pods would have: its <c>DOTNET_*</c>
/// environment entries, with <c>DOTNET_GCHeapHardLimitPercent</c> turned into the absolute
/// <c>DOTNET_GCHeapHardLimit</c> of that share of the container's memory limit. On this machine
/// there is no container limit, and the percentage would be of all the machine's memory.
/// </summary>
internal static class DeploymentGcSettings
{
    private const string Prefix = "DOTNET_";
    private const string HardLimitPercent = "DOTNET_GCHeapHardLimitPercent";

    public static Dictionary<string, string> Of(string app)
    {
        var path = Path.Combine(RepositoryLayout.Root.FullName, "k8s", "base", app, "deployment.yaml");
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(path)));
        var container = Child(Child(Child(Child((YamlMappingNode)stream.Documents[0].RootNode, "spec"), "template"), "spec"), "containers") is YamlSequenceNode containers
            ? (YamlMappingNode)containers.Children[0]
            : throw new InvalidDataException($"{path} has no containers.");
        var settings = new Dictionary<string, string>();
        foreach (var variable in (Child(container, "env") as YamlSequenceNode)?.Children.OfType<YamlMappingNode>() ?? [])
        {
            if (Scalar(variable, "name") is { } name && name.StartsWith(Prefix, StringComparison.Ordinal) && Scalar(variable, "value") is { } value)
            {
                settings[name] = value;
            }
        }

        if (settings.Remove(HardLimitPercent, out var percent))
        {
            var limit = Scalar(Child(Child(container, "resources"), "limits"), "memory")
                ?? throw new InvalidDataException($"{path} sets {HardLimitPercent} without a memory limit.");
            var bytes = MebibytesOf(limit) * 1024 * 1024 * long.Parse(percent.Replace("0x", "", StringComparison.OrdinalIgnoreCase), NumberStyles.HexNumber, CultureInfo.InvariantCulture) / 100;
            settings["DOTNET_GCHeapHardLimit"] = "0x" + bytes.ToString("X", CultureInfo.InvariantCulture);
        }

        return settings;
    }

    /// <summary>A Kubernetes quantity in Mi or Gi, in MiB.</summary>
    private static long MebibytesOf(string quantity) => quantity switch
    {
        _ when quantity.EndsWith("Mi", StringComparison.Ordinal) => long.Parse(quantity[..^2], CultureInfo.InvariantCulture),
        _ when quantity.EndsWith("Gi", StringComparison.Ordinal) => long.Parse(quantity[..^2], CultureInfo.InvariantCulture) * 1024,
        _ => throw new InvalidDataException($"Memory limit {quantity} is not in Mi or Gi."),
    };

    private static YamlNode? Child(YamlNode? node, string key) =>
        node is YamlMappingNode mapping && mapping.Children.TryGetValue(new YamlScalarNode(key), out var child) ? child : null;

    private static string? Scalar(YamlNode? node, string key) => (Child(node, key) as YamlScalarNode)?.Value;
}

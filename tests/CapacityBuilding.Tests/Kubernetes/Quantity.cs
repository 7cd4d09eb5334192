using System.Globalization;
using System.Text.RegularExpressions;

namespace CapacityBuilding.Tests.Kubernetes;

/// <summary>
/// Resource amounts as the manifests write them: Kubernetes quantities ("100m" CPU, "128Mi"
/// memory, as in the sidecar's dapr.io/sidecar-* annotations) and Go's GOMEMLIMIT ("460MiB").
/// </summary>
internal static partial class Quantity
{
    /// <summary>A Kubernetes quantity in base units: cores for CPU, bytes for memory.</summary>
    public static double Parse(string text)
    {
        var match = KubernetesQuantity().Match(text);
        if (!match.Success)
        {
            throw new FormatException($"\"{text}\" is not a Kubernetes quantity.");
        }

        return Number(match.Groups[1].Value) * match.Groups[2].Value switch
        {
            "" => 1,
            "m" => 1e-3,
            "k" => 1e3,
            "M" => 1e6,
            "G" => 1e9,
            "Ki" => 1L << 10,
            "Mi" => 1L << 20,
            "Gi" => 1L << 30,
            var suffix => throw new FormatException($"Unknown suffix {suffix} in \"{text}\"."),
        };
    }

    /// <summary>GOMEMLIMIT in bytes (Go's runtime/debug syntax: B, KiB, MiB, GiB).</summary>
    public static double ParseGoBytes(string text)
    {
        var match = GoBytes().Match(text);
        if (!match.Success)
        {
            throw new FormatException($"\"{text}\" is not a GOMEMLIMIT.");
        }

        return Number(match.Groups[1].Value) * match.Groups[2].Value switch
        {
            "B" => 1,
            "KiB" => 1L << 10,
            "MiB" => 1L << 20,
            _ => 1L << 30,
        };
    }

    private static double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(\d+(?:\.\d+)?)(m|k|M|G|Ki|Mi|Gi)?$")]
    private static partial Regex KubernetesQuantity();

    [GeneratedRegex(@"^(\d+)(B|KiB|MiB|GiB)$")]
    private static partial Regex GoBytes();
}

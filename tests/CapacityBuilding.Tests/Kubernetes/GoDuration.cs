using System.Globalization;
using System.Text.RegularExpressions;

namespace CapacityBuilding.Tests.Kubernetes;

/// <summary>
/// Durations as Dapr writes them (Go's time.ParseDuration: "5s", "1m30s", "500ms"): Resiliency
/// timeouts and daprd's dapr.io/block-shutdown-duration.
/// </summary>
internal static partial class GoDuration
{
    public static TimeSpan Parse(string text)
    {
        var parts = Part().Matches(text);
        if (parts.Count == 0 || string.Concat(parts.Select(part => part.Value)) != text)
        {
            throw new FormatException($"\"{text}\" is not a Go duration.");
        }

        return parts.Aggregate(TimeSpan.Zero, (total, part) =>
        {
            var amount = double.Parse(part.Groups[1].Value, CultureInfo.InvariantCulture);
            return total + part.Groups[2].Value switch
            {
                "h" => TimeSpan.FromHours(amount),
                "m" => TimeSpan.FromMinutes(amount),
                "s" => TimeSpan.FromSeconds(amount),
                "ms" => TimeSpan.FromMilliseconds(amount),
                "us" or "µs" => TimeSpan.FromMicroseconds(amount),
                _ => TimeSpan.FromTicks((long)(amount / 100)),
            };
        });
    }

    [GeneratedRegex(@"(\d+(?:\.\d+)?)(h|ms|m|s|us|µs|ns)")]
    private static partial Regex Part();
}

using System.Globalization;
using System.Text.RegularExpressions;

namespace CapacityBuilding.Tests.DaprStandIn.Resiliency;

/// <summary>A Go duration as a Resiliency spec writes it ("5s", "1m30s", "500ms"), what daprd parses with <c>time.ParseDuration</c>.</summary>
internal static partial class GoDuration
{
    public static TimeSpan Parse(string text)
    {
        var parts = Part().Matches(text);
        if (parts.Count == 0 || string.Concat(parts.Select(part => part.Value)) != text)
        {
            throw new InvalidDataException($"invalid duration \"{text}\"");
        }

        return parts.Aggregate(TimeSpan.Zero, (total, part) =>
        {
            var value = double.Parse(part.Groups["value"].Value, CultureInfo.InvariantCulture);
            return total + part.Groups["unit"].Value switch
            {
                "h" => TimeSpan.FromHours(value),
                "m" => TimeSpan.FromMinutes(value),
                "s" => TimeSpan.FromSeconds(value),
                "ms" => TimeSpan.FromMilliseconds(value),
                "us" or "µs" => TimeSpan.FromMicroseconds(value),
                _ => TimeSpan.FromTicks((long)(value / 100)),
            };
        });
    }

    [GeneratedRegex(@"(?<value>\d+(\.\d+)?)(?<unit>ns|us|µs|ms|s|m|h)")]
    private static partial Regex Part();
}

using System.Globalization;
using System.Text.RegularExpressions;

namespace CapacityBuilding.Tests.DaprStandIn.Resiliency;

/// <summary>
/// A circuit breaker's <c>trip</c>: daprd evaluates it as a CEL expression over the breaker's
/// counts (<c>pkg/resiliency/breaker/circuitbreaker.go</c> <c>Initialize</c>); without one,
/// gobreaker's default, <c>consecutiveFailures &gt; 5</c>. The stand-in reads the comparisons that
/// Resiliency specs write (<c>consecutiveFailures &gt; 5</c>, joined by <c>&amp;&amp;</c> or
/// <c>||</c>) and refuses anything else rather than guess.
/// </summary>
internal sealed partial class TripCondition
{
    private readonly Func<BreakerCounts, bool> holds;

    private TripCondition(Func<BreakerCounts, bool> holds) => this.holds = holds;

    public static TripCondition Default { get; } = new(counts => counts.ConsecutiveFailures > 5);

    public bool Holds(BreakerCounts counts) => holds(counts);

    public static TripCondition Parse(string? expression)
    {
        if (string.IsNullOrWhiteSpace(expression))
        {
            return Default;
        }

        var any = expression.Split("||").Select(alternative => alternative.Split("&&").Select(Comparison).ToList()).ToList();
        return new(counts => any.Any(all => all.All(comparison => comparison(counts))));
    }

    private static Func<BreakerCounts, bool> Comparison(string text)
    {
        var match = ComparisonPattern().Match(text.Trim());
        if (!match.Success)
        {
            throw new InvalidDataException($"The Dapr stand-in does not read the trip expression part \"{text.Trim()}\".");
        }

        Func<BreakerCounts, long> counter = match.Groups["counter"].Value switch
        {
            "requests" => counts => counts.Requests,
            "totalSuccesses" => counts => counts.TotalSuccesses,
            "totalFailures" => counts => counts.TotalFailures,
            "consecutiveSuccesses" => counts => counts.ConsecutiveSuccesses,
            _ => counts => counts.ConsecutiveFailures,
        };
        var bound = long.Parse(match.Groups["bound"].Value, CultureInfo.InvariantCulture);
        return match.Groups["operator"].Value switch
        {
            ">" => counts => counter(counts) > bound,
            ">=" => counts => counter(counts) >= bound,
            "<" => counts => counter(counts) < bound,
            "<=" => counts => counter(counts) <= bound,
            "!=" => counts => counter(counts) != bound,
            _ => counts => counter(counts) == bound,
        };
    }

    [GeneratedRegex(@"^(?<counter>requests|totalSuccesses|totalFailures|consecutiveSuccesses|consecutiveFailures)\s*(?<operator>>=|<=|==|!=|>|<)\s*(?<bound>\d+)$")]
    private static partial Regex ComparisonPattern();
}

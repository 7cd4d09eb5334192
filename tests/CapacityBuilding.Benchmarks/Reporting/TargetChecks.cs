using CapacityBuilding.Benchmarks.Cases;

namespace CapacityBuilding.Benchmarks.Reporting;

/// <summary>The targets, checked against the medians.</summary>
internal static class TargetChecks
{
    /// <summary>The deep page at the largest stored count may be at most this much slower (p50) than at the smallest.</summary>
    private const double DeepPageGrowthLimit = 1.3;

    /// <summary>At half of peak load, p99 may be at most this many times p50.</summary>
    private const double TailLimit = 4;

    /// <summary>An open-loop run counts only if it completed at least this share of the calls it offered.</summary>
    private const double KeptUpShare = 0.9;

    public static IReadOnlyList<TargetCheck> Evaluate(IReadOnlyList<CaseResult> results, IReadOnlyList<int> sizes)
    {
        var checks = new List<TargetCheck>();
        foreach (var result in results)
        {
            if (result is { Ratio: { } ratio, TargetRatio: { } goal })
            {
                checks.Add(new TargetCheck($"throughput {result.Id} / {result.ComparedWith}", ratio, $">= {goal:0.0#}", ratio >= goal));
            }
        }

        foreach (var result in results.Where(result => result.OfferedCallsPerSecond is not null))
        {
            // A run that fell behind its offered rate, or failed calls, measured overload, not half of peak.
            var keptUp = result.Median.CallsPerSecond >= KeptUpShare * result.OfferedCallsPerSecond && result.Median.Errors == 0;
            var tail = result.Median.P99Ms / result.Median.P50Ms;
            checks.Add(new TargetCheck(
                $"p99 / p50 of {result.Id}" + (keptUp ? "" : " (did not keep up with the offered rate)"), tail, $"<= {TailLimit}", keptUp && tail <= TailLimit));
        }

        if (sizes.Count >= 2)
        {
            var smallest = results.SingleOrDefault(result => result.Id == $"7b@{ListingCases.Count(sizes.Min())}");
            var largest = results.SingleOrDefault(result => result.Id == $"7b@{ListingCases.Count(sizes.Max())}");
            if (smallest is not null && largest is not null)
            {
                var growth = largest.Median.P50Ms / smallest.Median.P50Ms;
                checks.Add(new TargetCheck($"deep page p50 at {ListingCases.Count(sizes.Max())} / at {ListingCases.Count(sizes.Min())}", growth, $"<= {DeepPageGrowthLimit}", growth <= DeepPageGrowthLimit));
            }
        }

        return checks;
    }
}

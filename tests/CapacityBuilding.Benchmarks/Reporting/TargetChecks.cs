using CapacityBuilding.Benchmarks.Cases;
using CapacityBuilding.Testing.Portal;

namespace CapacityBuilding.Benchmarks.Reporting;

/// <summary>The issue's targets, checked against the medians.</summary>
internal static class TargetChecks
{
    /// <summary>The deep page at the largest stored count may be at most this much slower (p50) than at the smallest.</summary>
    private const double DeepPageGrowthLimit = 1.3;

    /// <summary>Issue #19 target 2: a report at 100k allocations over 10k requests takes at most this many times its time at 100.</summary>
    private const double ReportGrowthLimit = 1.5;

    /// <summary>At half of peak load, p99 may be at most this many times p50.</summary>
    private const double TailLimit = 4;

    /// <summary>At a steady moderate rate, the mix's p99 may be at most this many times the bare-Kestrel no-op's.</summary>
    private const double SteadyTailLimit = 1.5;

    /// <summary>An approval in the state with the most approved requests may be at most this much slower (p50) than in the one with the fewest.</summary>
    private const double ApprovalGrowthLimit = 1.5;

    /// <summary>An open-loop run counts only if it completed at least this share of the calls it offered.</summary>
    private const double KeptUpShare = 0.9;

    /// <summary>A portal page's HTML may take at most this long on the server at the 95th percentile.</summary>
    private const double PortalP95LimitMs = 200;

    /// <summary>The most working set any of the suite's own processes may reach under the benchmark's load.</summary>
    private const double PeakWorkingSetLimitMebibytes = 256;

    /// <summary>
    /// The peak working set of each of the suite's processes (its services and gateway, started
    /// with their Deployments' GC settings); the harness, redis-server and the reference servers
    /// are not the suite's.
    /// </summary>
    public static IEnumerable<TargetCheck> EvaluateMemory(IReadOnlyList<ProcessPeak> peaks) =>
        peaks.Where(peak => !peak.Process.StartsWith("harness", StringComparison.Ordinal)
                && !peak.Process.StartsWith("redis-server", StringComparison.Ordinal)
                && !peak.Process.StartsWith("no-op", StringComparison.Ordinal)
                && !peak.Process.StartsWith("bare YARP", StringComparison.Ordinal))
            .Select(peak => new TargetCheck($"peak working set MiB of {peak.Process}", peak.PeakMebibytes ?? double.NaN, $"<= {PeakWorkingSetLimitMebibytes:0}", peak.PeakMebibytes <= PeakWorkingSetLimitMebibytes));

    /// <summary>Case 11: every page's first load within the budget, and its server time p95 within the limit, at each stored count.</summary>
    public static IEnumerable<TargetCheck> EvaluatePortal(IReadOnlyList<PortalPageResult> pages)
    {
        foreach (var page in pages)
        {
            var name = $"11@{page.Stored} {page.User} {page.Page}";
            yield return new TargetCheck($"{name} first load KB", page.TransferredBytes / 1024.0, $"<= {PageWeight.BudgetBytes / 1024}", page.Failure is null && page.TransferredBytes <= PageWeight.BudgetBytes);
            yield return new TargetCheck($"{name} server p95 ms" + (page.Failure is null ? "" : $" ({page.Failure})"), page.P95Ms, $"<= {PortalP95LimitMs:0}", page.Failure is null && page.P95Ms <= PortalP95LimitMs);
        }
    }

    /// <summary>Cases 15 and 18: each report's p50 at the most allocations within <see cref="ReportGrowthLimit"/> of its p50 at the fewest.</summary>
    public static IEnumerable<TargetCheck> EvaluateReports(IReadOnlyList<CaseResult> results, IReadOnlyList<int> sizes)
    {
        if (sizes.Count < 2)
        {
            yield break;
        }

        var (fewest, most) = (ListingCases.Count(sizes.Min()), ListingCases.Count(sizes.Max()));
        foreach (var report in new[] { "15a", "15b", "15c", "15d", "18" })
        {
            if (results.SingleOrDefault(result => result.Id == $"{report}@{fewest}") is { } small
                && results.SingleOrDefault(result => result.Id == $"{report}@{most}") is { } large)
            {
                var growth = large.Median.P50Ms / small.Median.P50Ms;
                yield return new TargetCheck($"{report} p50 at {most} allocations / at {fewest}", growth, $"<= {ReportGrowthLimit}", growth <= ReportGrowthLimit);
            }
        }
    }

    /// <summary>
    /// Case 16: each filtered first and deep page at the largest stored count against itself at
    /// the smallest (issue 19, target 3); a case that failed calls (a short page with a token
    /// fails its call) does not meet it.
    /// </summary>
    public static IEnumerable<TargetCheck> EvaluateFilteredPages(IReadOnlyList<CaseResult> results, IReadOnlyList<int> sizes)
    {
        if (sizes.Count < 2)
        {
            yield break;
        }

        var smallest = "@" + ListingCases.Count(sizes.Min());
        var largest = "@" + ListingCases.Count(sizes.Max());
        foreach (var small in results.Where(result => result.Id.StartsWith("16", StringComparison.Ordinal) && result.Id.EndsWith(smallest, StringComparison.Ordinal)))
        {
            var id = small.Id[..^smallest.Length];
            if (results.SingleOrDefault(result => result.Id == id + largest) is { } large)
            {
                var growth = large.Median.P50Ms / small.Median.P50Ms;
                var clean = small.Median.Errors == 0 && large.Median.Errors == 0;
                yield return new TargetCheck(
                    $"filtered page p50 {id} at {largest[1..]} / at {smallest[1..]}" + (clean ? "" : " (calls failed)"), growth, $"<= {DeepPageGrowthLimit}", clean && growth <= DeepPageGrowthLimit);
            }
        }
    }

    public static IReadOnlyList<TargetCheck> Evaluate(IReadOnlyList<CaseResult> results, IReadOnlyList<int> sizes, IReadOnlyList<int> approvedCounts)
    {
        var checks = new List<TargetCheck>();
        foreach (var result in results)
        {
            if (result is { Ratio: { } ratio, TargetRatio: { } goal })
            {
                checks.Add(new TargetCheck($"throughput {result.Id} / {result.ComparedWith}", ratio, $">= {goal:0.0#}", ratio >= goal));
            }

            if (result is { CpuTargetRatio: { } cpuGoal })
            {
                // A run without a CPU figure on either side fails its check rather than passing unseen.
                var cpuRatio = result.CpuRatio ?? double.NaN;
                checks.Add(new TargetCheck($"CPU per call {result.Id} / {result.ComparedWith}", cpuRatio, $"<= {cpuGoal:0.0#}", cpuRatio <= cpuGoal));
            }
        }

        foreach (var result in results.Where(result => result.Id.EndsWith(BenchmarkRun.HalfOfPeakSuffix, StringComparison.Ordinal)))
        {
            // A run that fell behind its offered rate, or failed calls, measured overload, not half of peak.
            var keptUp = result.Median.CallsPerSecond >= KeptUpShare * result.OfferedCallsPerSecond && result.Median.Errors == 0;
            var tail = result.Median.P99Ms / result.Median.P50Ms;
            checks.Add(new TargetCheck(
                $"p99 / p50 of {result.Id}" + (keptUp ? "" : " (did not keep up with the offered rate)"), tail, $"<= {TailLimit}", keptUp && tail <= TailLimit));
        }

        if (results.SingleOrDefault(result => result.Id == SteadyMixCases.Mix) is { } mix
            && results.SingleOrDefault(result => result.Id == SteadyMixCases.Reference) is { } reference)
        {
            var keptUp = new[] { mix, reference }.All(result => result.Median.CallsPerSecond >= KeptUpShare * result.OfferedCallsPerSecond && result.Median.Errors == 0);
            var tail = mix.Median.P99Ms / reference.Median.P99Ms;
            checks.Add(new TargetCheck(
                $"p99 of {mix.Id} / p99 of {reference.Id} at {mix.OfferedCallsPerSecond:0} calls/s" + (keptUp ? "" : " (did not keep up with the offered rate)"),
                tail, $"<= {SteadyTailLimit}", keptUp && tail <= SteadyTailLimit));
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

        if (approvedCounts.Count >= 2
            && results.SingleOrDefault(result => result.Id == ApprovalAtScaleCases.IdAt(approvedCounts.Min())) is { } fewest
            && results.SingleOrDefault(result => result.Id == ApprovalAtScaleCases.IdAt(approvedCounts.Max())) is { } most)
        {
            var growth = most.Median.P50Ms / fewest.Median.P50Ms;
            checks.Add(new TargetCheck($"approve -> allocate p50 at {ListingCases.Count(approvedCounts.Max())} approved / at {ListingCases.Count(approvedCounts.Min())}", growth, $"<= {ApprovalGrowthLimit}", growth <= ApprovalGrowthLimit));
        }

        return checks;
    }
}

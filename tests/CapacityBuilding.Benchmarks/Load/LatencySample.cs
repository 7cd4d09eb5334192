namespace CapacityBuilding.Benchmarks.Load;

/// <summary>
/// What one run of one case measured: completed calls per second and latency percentiles, and,
/// for a case that names a process to watch, that process's CPU and bytes allocated per completed call.
/// </summary>
internal sealed record LatencySample(
    double CallsPerSecond, double P50Ms, double P90Ms, double P99Ms, int Calls, int Errors, string? FirstError, double? CpuMicrosecondsPerCall = null, double? AllocatedBytesPerCall = null)
{
    public static LatencySample From(List<double> latenciesMs, TimeSpan elapsed, int errors, string? firstError)
    {
        latenciesMs.Sort();
        return new LatencySample(
            latenciesMs.Count / elapsed.TotalSeconds,
            Percentile(latenciesMs, 0.50),
            Percentile(latenciesMs, 0.90),
            Percentile(latenciesMs, 0.99),
            latenciesMs.Count,
            errors,
            firstError);
    }

    /// <summary>The median of each figure over several runs, so that one disturbed run does not decide.</summary>
    public static LatencySample MedianOf(IReadOnlyList<LatencySample> runs) => new(
        Median(runs.Select(run => run.CallsPerSecond)),
        Median(runs.Select(run => run.P50Ms)),
        Median(runs.Select(run => run.P90Ms)),
        Median(runs.Select(run => run.P99Ms)),
        runs.Sum(run => run.Calls),
        runs.Sum(run => run.Errors),
        runs.Select(run => run.FirstError).FirstOrDefault(error => error is not null),
        MedianOf(runs.Select(run => run.CpuMicrosecondsPerCall)),
        MedianOf(runs.Select(run => run.AllocatedBytesPerCall)));

    /// <summary>The nearest-rank percentile of <paramref name="sorted"/> (ascending); NaN when empty.</summary>
    public static double Percentile(List<double> sorted, double fraction) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(fraction * sorted.Count) - 1)];

    private static double? MedianOf(IEnumerable<double?> values) =>
        values.OfType<double>().Where(double.IsFinite).ToList() is { Count: > 0 } known ? Median(known) : null;

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}

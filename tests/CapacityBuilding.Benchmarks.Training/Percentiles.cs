namespace CapacityBuilding.Benchmarks.Training;

/// <summary>Nearest-rank percentiles of latencies in milliseconds.</summary>
internal static class Percentiles
{
    public static double Of(IReadOnlyList<double> sortedMilliseconds, double percentile)
    {
        var rank = (int)Math.Ceiling(percentile / 100 * sortedMilliseconds.Count);
        return sortedMilliseconds[Math.Clamp(rank - 1, 0, sortedMilliseconds.Count - 1)];
    }

    public static string Line(string name, List<double> milliseconds, double averageResults)
    {
        milliseconds.Sort();
        return string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{name,-42} n={milliseconds.Count,5}  p50={Of(milliseconds, 50),6:F2} ms  p90={Of(milliseconds, 90),6:F2} ms  p99={Of(milliseconds, 99),6:F2} ms  max={milliseconds[^1],7:F2} ms  avg matches={averageResults,7:F0}");
    }
}

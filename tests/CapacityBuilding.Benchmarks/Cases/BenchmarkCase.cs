namespace CapacityBuilding.Benchmarks.Cases;

/// <summary>
/// One measured call. <paramref name="ComparedWith"/> names the case whose throughput this one is
/// divided by, and <paramref name="TargetRatio"/> is the least that ratio should be.
/// <paramref name="OfferedCallsPerSecond"/> is set for open-loop runs: the rate the generator offered.
/// <paramref name="Callers"/> are the closed loop's calls in flight when not the run's <c>--Concurrency</c>:
/// 1 measures the latency of one call at a time, without a queue.
/// <paramref name="CpuOf"/> is the process whose CPU per call the run reports (a proxy's, to compare
/// it with another's), and <paramref name="CpuTargetRatio"/> the most its CPU per call may be of
/// <paramref name="ComparedWith"/>'s.
/// </summary>
internal sealed record BenchmarkCase(
    string Id, string Name, string Path, Func<Task> Call, string? ComparedWith = null, double? TargetRatio = null, double? OfferedCallsPerSecond = null, int? Callers = null,
    int? CpuOf = null, double? CpuTargetRatio = null);

/// <summary>A case the suite cannot run yet, listed in the report with the reason.</summary>
internal sealed record PendingCase(string Id, string Name, string Reason);

namespace CapacityBuilding.Benchmarks.Cases;

/// <summary>
/// One measured call. <paramref name="ComparedWith"/> names the case whose throughput this one is
/// divided by, and <paramref name="TargetRatio"/> is the least that ratio should be.
/// <paramref name="OfferedCallsPerSecond"/> is set for open-loop runs: the rate the generator offered.
/// <paramref name="Callers"/> are the closed loop's calls in flight when not the run's <c>--Concurrency</c>:
/// 1 measures the latency of one call at a time, without a queue.
/// </summary>
internal sealed record BenchmarkCase(
    string Id, string Name, string Path, Func<Task> Call, string? ComparedWith = null, double? TargetRatio = null, double? OfferedCallsPerSecond = null, int? Callers = null);

/// <summary>A case the suite cannot run yet, listed in the report with the reason.</summary>
internal sealed record PendingCase(string Id, string Name, string Reason);

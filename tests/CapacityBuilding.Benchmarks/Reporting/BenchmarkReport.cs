using CapacityBuilding.Benchmarks.Load;

namespace CapacityBuilding.Benchmarks.Reporting;

internal sealed record BenchmarkReport(
    DateTimeOffset StartedAt,
    MachineInfo Machine,
    BenchmarkSettings Settings,
    IReadOnlyList<CaseResult> Cases,
    IReadOnlyList<PendingRow> Pending,
    IReadOnlyList<TargetCheck> Targets,
    IReadOnlyList<PortalPageResult> PortalPages,
    IReadOnlyList<IatiExportResult> IatiExports,
    double? RedisBytesPerStoredRequest,
    IReadOnlyList<ProcessPeak> PeakWorkingSets,
    ChainPoolUse? ChainPool);

internal sealed record BenchmarkSettings(int Concurrency, double SecondsPerRun, double WarmupSeconds, int Rounds, int PageSize, string LoadGenerator);

/// <summary>One case's medians over the rounds, and its ratios (throughput, and CPU per call of the watched process) to the case it is compared with.</summary>
internal sealed record CaseResult(
    string Id, string Name, string Path, LatencySample Median, IReadOnlyList<LatencySample> Rounds, string? ComparedWith, double? TargetRatio, double? OfferedCallsPerSecond, double? Ratio,
    double? CpuTargetRatio = null, double? CpuRatio = null);

internal sealed record PendingRow(string Id, string Name, string Reason);

internal sealed record TargetCheck(string What, double Value, string Goal, bool Met);

internal sealed record ProcessPeak(string Process, double? PeakMebibytes);

/// <summary>How many of the requests seeded UNDER_REVIEW for case 6 were used, and the rate the pool was sized for.</summary>
internal sealed record ChainPoolUse(int Seeded, int Used, double SizedForCallsPerSecond);

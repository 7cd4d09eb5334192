namespace CapacityBuilding.Benchmarks.Reporting;

/// <summary>
/// One walk of every page of the IATI export (case 14) at <paramref name="Stored"/> funded,
/// published requests: what it returned, how long the walk and its pages took, and the funding
/// process's resident set before the walk and its peak (VmHWM) after it, in MiB.
/// </summary>
internal sealed record IatiExportResult(
    int Stored, int Activities, int Pages, long XmlBytes, double Seconds, double PageP50Ms, double PageMaxMs, double? FundingResidentBeforeMebibytes, double? FundingPeakAfterMebibytes);

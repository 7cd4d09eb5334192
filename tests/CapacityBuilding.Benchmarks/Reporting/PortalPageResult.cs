namespace CapacityBuilding.Benchmarks.Reporting;

/// <summary>
/// One page of one demo user (case 11) at one stored count: what its first load transferred
/// (compressed, the HTML and everything it references) and decoded, how many responses that
/// took, and the page's HTML time over loopback (p50, p95 of <paramref name="Samples"/> loads).
/// </summary>
internal sealed record PortalPageResult(
    string Stored, string User, string Page, long TransferredBytes, long DecodedBytes, int Responses, double P50Ms, double P95Ms, int Samples, string? Failure);

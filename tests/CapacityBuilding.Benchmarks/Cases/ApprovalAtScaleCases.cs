using CapacityBuilding.Benchmarks.Suite;
using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.Contracts.Funding.V1;

namespace CapacityBuilding.Benchmarks.Cases;

/// <summary>
/// Case 15: case 6's approve -> allocate chain in a state holding few approved requests and in
/// one holding many (<c>--ApprovedInState</c>), open loop at one moderate rate
/// (<c>--ApprovalCallsPerSecond</c>), so that the two latencies compare: an approval looks for
/// the overlaps among its state's active requests, and the target is that this does not grow
/// with them (p50 at the most within 1.5 times the p50 at the fewest).
/// </summary>
internal static class ApprovalAtScaleCases
{
    public const string Group = "17";

    /// <summary>The case at a state holding <paramref name="approved"/> approved requests: <c>17@10k</c>.</summary>
    public static string IdAt(int approved) => $"{Group}@{ListingCases.Count(approved)}";

    public static BenchmarkCase At(BenchmarkSuite suite, int approved, ApprovalChain chain, double callsPerSecond)
    {
        var assistance = new AssistanceService.AssistanceServiceClient(suite.Gateway);
        var funding = new FundingService.FundingServiceClient(suite.Gateway);
        return new(
            IdAt(approved),
            $"approve -> allocate in a state with {ListingCases.Count(approved)} approved requests",
            FormattableString.Invariant($"as case 6; open loop, {callsPerSecond:0} chains/s offered"),
            () => UnaryCases.ApproveThenAllocateAsync(assistance, funding, chain),
            OfferedCallsPerSecond: callsPerSecond);
    }
}

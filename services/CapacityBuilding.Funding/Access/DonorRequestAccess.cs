using CapacityBuilding.Funding.Clients;
using CapacityBuilding.Funding.Repositories;
using CapacityBuilding.ServiceDefaults.Identity;

namespace CapacityBuilding.Funding.Access;

/// <summary>
/// Which assistance requests a donor caller may see of those funding reads as itself
/// (<see cref="AssistanceRequests"/>): the ones its money funds, with an ACTIVE allocation from it,
/// the rule assistance applies to a donor. Funding knows the allocations, so it applies the rule
/// here rather than have assistance ask funding back. Other roles see every request. Read from the
/// donor's funded requests that the allocation scripts keep (<see cref="ReportTotals"/>), never
/// by walking allocations.
/// </summary>
public sealed class DonorRequestAccess(RedisFundingTotalsRepository totals)
{
    /// <summary>The ids of the requests the caller may see, or null when it may see every one.</summary>
    public async Task<IReadOnlySet<string>?> VisibleToAsync(Caller caller) =>
        caller.Role == CallerRole.Donor ? await totals.FundedRequestIdsAsync(caller.DonorId!) : null;

    public async Task<bool> MaySeeAsync(Caller caller, string requestId) =>
        caller.Role != CallerRole.Donor || await totals.FundsAsync(caller.DonorId!, requestId);
}

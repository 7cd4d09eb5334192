using CapacityBuilding.Funding.Clients;
using CapacityBuilding.Funding.Domain.Allocations;
using CapacityBuilding.Funding.Repositories;
using CapacityBuilding.ServiceDefaults.Identity;
using AllocationState = CapacityBuilding.Contracts.Funding.V1.Allocation.Types.State;

namespace CapacityBuilding.Funding.Access;

/// <summary>
/// Which assistance requests a donor caller may see of those funding reads as itself
/// (<see cref="AssistanceRequests"/>): the ones its money funds, with an ACTIVE allocation from it,
/// the rule assistance applies to a donor. Funding knows the allocations, so it applies the rule
/// here rather than have assistance ask funding back. Other roles see every request.
/// </summary>
public sealed class DonorRequestAccess(RedisAllocationRepository allocations)
{
    /// <summary>The ids of the requests the caller may see, or null when it may see every one.</summary>
    public async Task<IReadOnlySet<string>?> VisibleToAsync(Caller caller)
    {
        if (caller.Role != CallerRole.Donor)
        {
            return null;
        }

        var funded = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var allocation in allocations.AllAsync())
        {
            if (Funds(caller, allocation))
            {
                funded.Add(allocation.Allocation.RequestId);
            }
        }

        return funded;
    }

    public async Task<bool> MaySeeAsync(Caller caller, string requestId)
    {
        if (caller.Role != CallerRole.Donor)
        {
            return true;
        }

        await foreach (var allocation in allocations.AllAsync(requestId))
        {
            if (Funds(caller, allocation))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Funds(Caller donor, AllocationRecord allocation) =>
        allocation.Ledger.State == AllocationState.Active && string.Equals(allocation.Allocation.DonorId, donor.DonorId, StringComparison.Ordinal);
}

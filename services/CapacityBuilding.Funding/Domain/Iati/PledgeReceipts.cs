using CapacityBuilding.Funding.Domain.Contributions;
using CapacityBuilding.Funding.Domain.Money;
using AllocationState = CapacityBuilding.Contracts.Funding.V1.Allocation.Types.State;

namespace CapacityBuilding.Funding.Domain.Iati;

/// <summary>
/// Money received (contributions) on the pledges that fund a page's activities, and each pledge's
/// amount, to report incoming funds (IATI TransactionType 1: "funds received for use on the
/// activity"). A contribution is paid against a pledge, not a request, and a pledge may fund
/// several requests and keep money not yet allocated: so each contribution is apportioned to an
/// activity pro rata to the part of the pledge committed to it (its incoming commitments from
/// that pledge: active allocations, and what released ones paid out), over the pledge's whole
/// amount, rounded down to the nano. The shares of a contribution never add up to more than it,
/// and the part that stands for unallocated pledge money is reported for no activity, since it was
/// not received for any. The shares follow the allocations: an allocation made or released later
/// changes them in the next file (IATI files are republished whole).
/// </summary>
public sealed record PledgeReceipts(IReadOnlyDictionary<string, Amount> PledgeAmounts, ILookup<string, StoredContribution> ContributionsByPledge)
{
    public static readonly PledgeReceipts None =
        new(new Dictionary<string, Amount>(StringComparer.Ordinal), Array.Empty<StoredContribution>().ToLookup(contribution => contribution.PledgeId, StringComparer.Ordinal));

    /// <summary>The activity's share of each contribution to the pledges that fund it, with the donor that paid it (zero shares left out).</summary>
    public IEnumerable<(StoredContribution Contribution, Amount Share)> SharesOf(FundedActivity activity) =>
        from committed in activity.Allocations
            .GroupBy(allocation => allocation.Allocation.PledgeId, StringComparer.Ordinal)
            .Select(pledge => (PledgeId: pledge.Key, Committed: pledge.Aggregate(Amount.Zero, (sum, allocation) =>
                sum + (allocation.Ledger.State == AllocationState.Active ? allocation.Ledger.Amount : allocation.Ledger.Disbursed))))
        where PledgeAmounts.TryGetValue(committed.PledgeId, out var pledged) && !pledged.IsZero
        from contribution in ContributionsByPledge[committed.PledgeId]
        let share = Amount.FromTotalNanos(new Amount(contribution.Units, contribution.Nanos).TotalNanos * committed.Committed.TotalNanos / PledgeAmounts[committed.PledgeId].TotalNanos)
        where !share.IsZero
        select (contribution, share);
}

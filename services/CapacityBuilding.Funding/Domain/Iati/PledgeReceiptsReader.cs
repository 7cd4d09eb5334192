using CapacityBuilding.Funding.Domain.Money;
using CapacityBuilding.Funding.Repositories;

namespace CapacityBuilding.Funding.Domain.Iati;

/// <summary>Reads the pledges that fund a page's activities and the money received on them (<see cref="PledgeReceipts"/>).</summary>
public sealed class PledgeReceiptsReader(RedisPledgeRepository pledges, RedisContributionRepository contributions)
{
    public async Task<PledgeReceipts> ReadAsync(IEnumerable<FundedActivity> activities)
    {
        var pledgeIds = activities.SelectMany(activity => activity.Allocations).Select(allocation => allocation.Allocation.PledgeId)
            .Distinct(StringComparer.Ordinal).ToList();
        var amounts = new Dictionary<string, Amount>(StringComparer.Ordinal);
        foreach (var pledgeId in pledgeIds)
        {
            if (await pledges.GetAsync(pledgeId) is { } pledge)
            {
                amounts[pledgeId] = new Amount(pledge.Pledge.Units, pledge.Pledge.Nanos);
            }
        }

        var received = await contributions.AllOfAsync(amounts.Keys);
        return new PledgeReceipts(amounts, received.ToLookup(contribution => contribution.PledgeId, StringComparer.Ordinal));
    }
}

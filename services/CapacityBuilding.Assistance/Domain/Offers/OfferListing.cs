using CapacityBuilding.Assistance.Access;
using CapacityBuilding.Assistance.Repositories;
using CapacityBuilding.ServiceDefaults.Identity;
using State = CapacityBuilding.Contracts.Assistance.V1.Offer.Types.State;

namespace CapacityBuilding.Assistance.Domain.Offers;

/// <summary>
/// One page of a request's offers, newest first, that the caller may see and that are in the
/// state asked for (any when unspecified). A request has few offers, so they are read in id order
/// and matched here; a page examines at most <see cref="ScanBudget"/> of them and may then be
/// short with a next cursor, like the request listing.
/// </summary>
public sealed class OfferListing(RedisOfferRepository offers)
{
    public const int ScanBudget = 2000;

    public async Task<(IReadOnlyList<StoredOffer> Items, string? NextCursor)> PageAsync(
        string requestId, Caller caller, State state, int pageSize, string? cursor)
    {
        var page = new List<StoredOffer>();
        var examined = 0;
        var after = cursor;
        while (examined < ScanBudget)
        {
            var ids = await offers.IdsAsync(requestId, after, Math.Min(pageSize + 1, ScanBudget - examined));
            foreach (var offer in await offers.GetManyAsync(requestId, ids))
            {
                if ((state == State.Unspecified || offer.State == state) && OfferAccess.MaySee(caller, offer))
                {
                    if (page.Count == pageSize)
                    {
                        return (page, page[^1].Id);
                    }

                    page.Add(offer);
                }
            }

            examined += ids.Count;
            if (ids.Count == 0 || ids.Count < pageSize + 1)
            {
                return (page, null);
            }

            after = ids[^1];
        }

        return (page, after);
    }
}

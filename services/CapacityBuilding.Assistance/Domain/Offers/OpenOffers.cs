using CapacityBuilding.Assistance.Repositories;
using CapacityBuilding.ServiceDefaults.Errors;
using Action = CapacityBuilding.Contracts.Assistance.V1.HistoryEntry.Types.Action;

namespace CapacityBuilding.Assistance.Domain.Offers;

/// <summary>
/// A request is neither withdrawn nor completed while offers on it are open or being accepted:
/// they hold seats or money for it, and an acceptance under way must still find its request able
/// to take it. The proposer withdraws them, or the requesting state declines them, first. Checked
/// after the request was read and before its conditional write: every change of the set of
/// unresolved offers writes the request too (with its history entry), so an offer made or
/// answered in between makes that write stale, and the change is evaluated again.
/// </summary>
public sealed class OpenOffers(RedisOfferRepository offers, ApiErrors errors)
{
    /// <summary>Whether <paramref name="action"/> ends the request's openness to offers.</summary>
    public static bool Blocks(Action action) => action is Action.Withdraw or Action.Complete;

    public async Task EnsureNoneAsync(string requestName, string requestId)
    {
        var open = await offers.UnresolvedCountAsync(requestId);
        if (open > 0)
        {
            throw errors.FailedPrecondition(ErrorReasons.RequestHasOpenOffers,
                $"{requestName} has {open} offer(s) open or being accepted; withdraw or decline them before it is withdrawn or completed.",
                new Dictionary<string, string> { ["open_offers"] = open.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        }
    }
}

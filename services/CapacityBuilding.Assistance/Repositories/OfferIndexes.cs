using CapacityBuilding.Assistance.Domain.Offers;
using StackExchange.Redis;

namespace CapacityBuilding.Assistance.Repositories;

/// <summary>
/// The sorted sets an offer is in, derived from the offer alone, so a write moves it between them
/// by comparing before and after (as <see cref="RequestIndexes"/> does for requests):
/// <list type="bullet">
/// <item><c>requests:{request}:offers</c>: every offer of the request, score 0, member = offer id
/// (UUIDv7 hex: lexicographic = creation order), for listing.</item>
/// <item><c>requests:{request}:offers:unresolved</c>: its open and accepting offers; while it is
/// not empty the request can be neither withdrawn nor completed.</item>
/// <item><c>offers:expiring</c>: open offers, score = expire time (Unix ms), member
/// <c>{request}/{offer}</c>, for the sweeper.</item>
/// <item><c>offers:accepting</c>: accepting offers, score = when the acceptance began.</item>
/// <item><c>offers:unreleased</c>: offers that did not take effect and whose hold is not yet
/// known to be released, score = when they ended.</item>
/// </list>
/// </summary>
public static class OfferIndexes
{
    public static readonly RedisKey Expiring = "offers:expiring";
    public static readonly RedisKey Accepting = "offers:accepting";
    public static readonly RedisKey Unreleased = "offers:unreleased";

    public static RedisKey AllOf(string requestId) => $"requests:{requestId}:offers";

    public static RedisKey UnresolvedOf(string requestId) => $"requests:{requestId}:offers:unresolved";

    /// <summary>The member an offer has in the sweeper's sets.</summary>
    public static string SweepMemberOf(string requestId, string offerId) => $"{requestId}/{offerId}";

    /// <summary>The request and offer ids of a sweeper's set member.</summary>
    public static (string RequestId, string OfferId) IdsOf(string sweepMember)
    {
        var slash = sweepMember.IndexOf('/', StringComparison.Ordinal);
        return (sweepMember[..slash], sweepMember[(slash + 1)..]);
    }

    /// <summary>Every (set, score, member) the offer belongs in.</summary>
    public static IEnumerable<(RedisKey Key, long Score, string Member)> EntriesOf(StoredOffer offer)
    {
        var sweepMember = SweepMemberOf(offer.RequestId, offer.Id);
        yield return (AllOf(offer.RequestId), 0, offer.Id);
        if (OfferLifecycle.IsUnresolved(offer.State))
        {
            yield return (UnresolvedOf(offer.RequestId), 0, offer.Id);
        }

        if (offer.State == Contracts.Assistance.V1.Offer.Types.State.Open)
        {
            yield return (Expiring, offer.ExpireTime.ToUnixTimeMilliseconds(), sweepMember);
        }

        if (offer.AcceptingSince is { } since && offer.State == Contracts.Assistance.V1.Offer.Types.State.Accepting)
        {
            yield return (Accepting, since.ToUnixTimeMilliseconds(), sweepMember);
        }

        if (OfferLifecycle.ReleasesHold(offer.State) && !offer.HoldReleased)
        {
            yield return (Unreleased, (offer.AnswerTime ?? offer.UpdateTime).ToUnixTimeMilliseconds(), sweepMember);
        }
    }
}

using CapacityBuilding.Assistance.Domain.Offers;

namespace CapacityBuilding.Assistance.Repositories;

/// <summary>What an offer write came to (see <see cref="ServiceDefaults.Redis.ScriptReply"/> for the convention).</summary>
public abstract record OfferWriteOutcome
{
    private OfferWriteOutcome()
    {
    }

    /// <summary>Written; <paramref name="Offer"/> is what is stored now.</summary>
    public sealed record Written(StoredOffer Offer) : OfferWriteOutcome;

    /// <summary>A create with the same request id made <paramref name="OfferId"/> before; nothing was written.</summary>
    public sealed record Existing(string OfferId) : OfferWriteOutcome;

    /// <summary>The offer or its request does not exist.</summary>
    public sealed record NotFound : OfferWriteOutcome;

    /// <summary>The offer changed since it was read.</summary>
    public sealed record OfferStale : OfferWriteOutcome;

    /// <summary>The request changed since it was read (another event of its history came first).</summary>
    public sealed record RequestStale : OfferWriteOutcome;
}

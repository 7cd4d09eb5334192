using System.Text.Json.Serialization;
using CapacityBuilding.Assistance.Domain.Requests;
using State = CapacityBuilding.Contracts.Assistance.V1.Offer.Types.State;

namespace CapacityBuilding.Assistance.Domain.Offers;

/// <summary>
/// An offer as the assistance service stores it. Exactly one of <see cref="SessionSeats"/> and
/// <see cref="FundingPackage"/> is set. <see cref="DonorId"/> is the donor whose pledge a funding
/// package draws on (who may see the offer); <see cref="AcceptingSince"/> is set while the
/// acceptance is being carried out; <see cref="HoldReleased"/> records that the hold of an offer
/// that did not take effect was given back, so the sweeper retries until it is.
/// </summary>
public sealed record StoredOffer(
    string RequestId,
    string Id,
    StoredSessionSeats? SessionSeats,
    StoredFundingPackage? FundingPackage,
    string Terms,
    DateTimeOffset ExpireTime,
    State State,
    string Proposer,
    string Hold,
    string AnswerReason,
    DateTimeOffset CreateTime,
    DateTimeOffset? AnswerTime,
    DateTimeOffset UpdateTime,
    string Etag,
    DateTimeOffset? AcceptingSince,
    bool HoldReleased)
{
    [JsonIgnore]
    public string Name => OfferNames.Offer.Format(RequestId, Id);

    /// <summary>The donor whose money the offer proposes, or null for seats.</summary>
    [JsonIgnore]
    public string? DonorId => FundingPackage is { } package ? OfferNames.Pledge.TryParse(package.Pledge)?.DonorId : null;
}

public sealed record StoredSessionSeats(string Session, int Seats);

public sealed record StoredFundingPackage(string Pledge, StoredMoney Amount);

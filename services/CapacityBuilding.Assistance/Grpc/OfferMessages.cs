using CapacityBuilding.Assistance.Domain.Offers;
using CapacityBuilding.Assistance.Domain.Requests;
using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.ServiceDefaults.Resources;
using Google.Protobuf.WellKnownTypes;
using State = CapacityBuilding.Contracts.Assistance.V1.Offer.Types.State;

namespace CapacityBuilding.Assistance.Grpc;

/// <summary>Offers to and from their messages.</summary>
public static class OfferMessages
{
    /// <summary>A new open offer on <paramref name="requestId"/> from a validated message; the hold is made later.</summary>
    public static StoredOffer ToNewOffer(this Offer offer, string requestId, string proposer, DateTimeOffset now) => new(
        requestId,
        ResourceIds.New(),
        offer.SessionSeats is { } seats ? new StoredSessionSeats(seats.Session, seats.Seats) : null,
        offer.FundingPackage is { } package
            ? new StoredFundingPackage(package.Pledge, new StoredMoney(package.Amount.CurrencyCode, package.Amount.Units, package.Amount.Nanos))
            : null,
        offer.Terms.Trim(),
        offer.ExpireTime.ToDateTimeOffset(),
        State.Open,
        proposer,
        Hold: "",
        AnswerReason: "",
        CreateTime: now,
        AnswerTime: null,
        UpdateTime: now,
        Etag: Etags.New(),
        AcceptingSince: null,
        HoldReleased: false);

    public static Offer ToMessage(this StoredOffer offer)
    {
        var message = new Offer
        {
            Name = offer.Name,
            Terms = offer.Terms,
            ExpireTime = Timestamp.FromDateTimeOffset(offer.ExpireTime),
            State = offer.State,
            Proposer = offer.Proposer,
            Hold = offer.Hold,
            AnswerReason = offer.AnswerReason,
            CreateTime = Timestamp.FromDateTimeOffset(offer.CreateTime),
            AnswerTime = offer.AnswerTime is { } answered ? Timestamp.FromDateTimeOffset(answered) : null,
            UpdateTime = Timestamp.FromDateTimeOffset(offer.UpdateTime),
            Etag = offer.Etag,
        };
        if (offer.SessionSeats is { } seats)
        {
            message.SessionSeats = new Offer.Types.SessionSeats { Session = seats.Session, Seats = seats.Seats };
        }

        if (offer.FundingPackage is { } package)
        {
            message.FundingPackage = new Offer.Types.FundingPackage
            {
                Pledge = package.Pledge,
                Amount = new Google.Type.Money { CurrencyCode = package.Amount.CurrencyCode, Units = package.Amount.Units, Nanos = package.Amount.Nanos },
            };
        }

        return message;
    }
}

using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.ServiceDefaults.Validation;

namespace CapacityBuilding.Assistance.Domain.Offers;

/// <summary>
/// The rules of a new offer its proto's annotations cannot state: the session and pledge as
/// resource names of their services, the money as an ISO 4217 amount above zero, and an expire
/// time in the future and at most <see cref="MaxLifetime"/> ahead (a hold must not block seats or
/// money for longer).
/// </summary>
public sealed class OfferValidator(TimeProvider clock) : IRequestRules<CreateOfferRequest>
{
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(90);

    public void AddViolations(CreateOfferRequest request, FieldViolations violations)
    {
        if (request.Offer is not { } offer)
        {
            violations.Add("offer", "is required.");
            return;
        }

        switch (offer.ProposalCase)
        {
            case Offer.ProposalOneofCase.SessionSeats when OfferNames.Session.TryParse(offer.SessionSeats.Session) is null:
                violations.Add("offer.session_seats.session", $"must be a session of the training service, {OfferNames.Session.Pattern}.");
                break;
            case Offer.ProposalOneofCase.FundingPackage:
                if (OfferNames.Pledge.TryParse(offer.FundingPackage.Pledge) is null)
                {
                    violations.Add("offer.funding_package.pledge", $"must be a pledge of the funding service, {OfferNames.Pledge.Pattern}.");
                }

                violations.RequirePositiveMoney("offer.funding_package.amount", offer.FundingPackage.Amount);
                break;
        }

        var now = clock.GetUtcNow();
        if (violations.OptionalTimestamp("offer.expire_time", offer.ExpireTime) is { } expires && (expires <= now || expires > now + MaxLifetime))
        {
            violations.Add("offer.expire_time", $"must be in the future and at most {MaxLifetime.TotalDays:0} days ahead.");
        }
    }
}

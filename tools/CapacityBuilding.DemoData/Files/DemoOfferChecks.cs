using State = CapacityBuilding.Contracts.Assistance.V1.AssistanceRequest.Types.State;

namespace CapacityBuilding.DemoData.Files;

/// <summary>
/// Offers in <c>offers.json</c> must fit the other files before the loader's first call: each names
/// a request that ends approved or in delivery (offers are made on those only), exactly one of a
/// session and a pledge that exist, and a decline gives a reason.
/// </summary>
public static class DemoOfferChecks
{
    public static void EnsureOffersFit(DemoDataSet data)
    {
        var requests = data.Requests.ToDictionary(request => request.Key, StringComparer.Ordinal);
        var sessions = data.Courses.SelectMany(course => course.Sessions).Select(session => session.Key).ToHashSet(StringComparer.Ordinal);
        var pledges = data.Donors.SelectMany(donor => donor.Pledges).Select(pledge => pledge.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var offer in data.Offers)
        {
            if (!requests.TryGetValue(offer.RequestKey, out var request) || request.TargetState is not (State.Approved or State.InDelivery))
            {
                throw new DemoDataException($"offer '{offer.Key}' names request '{offer.RequestKey}', which requests.json does not define as approved or in delivery.");
            }

            var proposal = (offer.SessionKey, offer.PledgeKey) switch
            {
                ({ } session, null) when sessions.Contains(session) && offer.Offer.SessionSeats is not null => true,
                (null, { } pledge) when pledges.Contains(pledge) && offer.Offer.FundingPackage is not null => true,
                _ => false,
            };
            if (!proposal)
            {
                throw new DemoDataException($"offer '{offer.Key}' must name either a session of courses.json with sessionSeats, or a pledge of donors.json with a fundingPackage.");
            }

            if (offer.Answer == OfferAnswer.Decline && string.IsNullOrWhiteSpace(offer.Reason))
            {
                throw new DemoDataException($"offer '{offer.Key}' is declined without a reason.");
            }
        }
    }
}

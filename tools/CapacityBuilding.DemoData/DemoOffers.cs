using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.DemoData.Files;
using Google.Protobuf.WellKnownTypes;

namespace CapacityBuilding.DemoData;

/// <summary>
/// Makes the demo offers as a coordinator and answers them as the requesting state. An offer made
/// by an earlier run is found by its terms among its request's offers and left as it is; an open
/// one whose entry has an answer is answered now.
/// </summary>
public sealed class DemoOffers(AssistanceService.AssistanceServiceClient coordinator, AssistanceService.AssistanceServiceClient? memberState, TextWriter output)
{
    private const string RequestIdPrefix = "demo:";

    public async Task LoadAsync(IReadOnlyList<OfferEntry> entries, IReadOnlyDictionary<string, AssistanceRequest> requests,
        IReadOnlyDictionary<string, string> sessionNames, IReadOnlyDictionary<string, string> pledgeNames, CancellationToken cancellationToken)
    {
        var (made, answered) = (0, 0);
        foreach (var entry in entries)
        {
            var request = requests[entry.RequestKey];
            var offer = await FindAsync(request, entry, cancellationToken);
            if (offer is null)
            {
                offer = await MakeAsync(entry, request, sessionNames, pledgeNames, cancellationToken);
                made++;
            }

            if (entry.Answer != OfferAnswer.None && offer.State == Offer.Types.State.Open && memberState is not null)
            {
                await AnswerAsync(entry, offer, memberState, cancellationToken);
                answered++;
            }
        }

        var skipped = memberState is null ? " (no member state token: answers left out)" : "";
        await output.WriteLineAsync($"offers: {entries.Count} loaded, {made} made now, {answered} answered now{skipped}");
    }

    private async Task<Offer?> FindAsync(AssistanceRequest request, OfferEntry entry, CancellationToken cancellationToken)
    {
        var listing = new ListOffersRequest { Parent = request.Name, PageSize = 500 };
        var offers = await GatewayCall.RunAsync($"listing the offers on request '{entry.RequestKey}'",
            options => coordinator.ListOffersAsync(listing, options).ResponseAsync, cancellationToken);
        return offers.Offers.FirstOrDefault(offer => offer.Terms == entry.Offer.Terms);
    }

    private async Task<Offer> MakeAsync(OfferEntry entry, AssistanceRequest request, IReadOnlyDictionary<string, string> sessionNames,
        IReadOnlyDictionary<string, string> pledgeNames, CancellationToken cancellationToken)
    {
        var offer = entry.Offer.Clone();
        offer.ExpireTime = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddDays(entry.ExpiresInDays));
        if (entry.SessionKey is { } session)
        {
            offer.SessionSeats.Session = sessionNames[session];
        }

        if (entry.PledgeKey is { } pledge)
        {
            offer.FundingPackage.Pledge = pledgeNames[pledge];
        }

        var create = new CreateOfferRequest { Parent = request.Name, Offer = offer, RequestId = RequestIdPrefix + entry.Key };
        return (await GatewayCall.RunAsync($"making offer '{entry.Key}' on request '{entry.RequestKey}' (now {request.State})",
            options => coordinator.CreateOfferAsync(create, options).ResponseAsync, cancellationToken)).Offer;
    }

    private static async Task AnswerAsync(OfferEntry entry, Offer offer, AssistanceService.AssistanceServiceClient answering, CancellationToken cancellationToken)
    {
        if (entry.Answer == OfferAnswer.Accept)
        {
            var accept = new AcceptOfferRequest { Name = offer.Name };
            await GatewayCall.RunAsync($"accepting offer '{entry.Key}'", options => answering.AcceptOfferAsync(accept, options).ResponseAsync, cancellationToken);
            return;
        }

        var decline = new DeclineOfferRequest { Name = offer.Name, Reason = entry.Reason ?? "" };
        await GatewayCall.RunAsync($"declining offer '{entry.Key}'", options => answering.DeclineOfferAsync(decline, options).ResponseAsync, cancellationToken);
    }
}

using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.DemoData.Converging;
using CapacityBuilding.DemoData.Files;
using Google.Protobuf.WellKnownTypes;

namespace CapacityBuilding.DemoData;

/// <summary>
/// Makes the demo offers as a coordinator and answers them as the requesting state, through the
/// focal point of the request's country when the loader has one. An offer made by an earlier run
/// is found by its terms among its request's offers and left as it is (one an earlier version of the
/// demo made with other terms, by what it offers: <see cref="AssistanceRecords.Offer"/>); an open one whose entry has
/// an answer is answered now.
/// </summary>
/// <param name="focalPoints">Focal points by ISO 3166-1 alpha-3 country.</param>
public sealed class DemoOffers(
    AssistanceService.AssistanceServiceClient coordinator,
    IReadOnlyDictionary<string, AssistanceService.AssistanceServiceClient> focalPoints,
    DemoRecords records,
    TextWriter output)
{
    private readonly AssistanceRecords assistanceRecords = new(coordinator);

    public async Task LoadAsync(IReadOnlyList<OfferEntry> entries, IReadOnlyDictionary<string, AssistanceRequest> requests,
        IReadOnlyDictionary<string, string> sessionNames, IReadOnlyDictionary<string, string> pledgeNames, CancellationToken cancellationToken)
    {
        var (made, answered, unanswered) = (0, 0, 0);
        foreach (var entry in entries)
        {
            var request = requests[entry.RequestKey];
            var offer = await FindAsync(request, entry, cancellationToken);
            if (offer is null)
            {
                // One an earlier version made with other terms is found again, not made.
                var converged = records.Converged;
                offer = await MakeAsync(entry, request, sessionNames, pledgeNames, cancellationToken);
                made += records.Converged == converged ? 1 : 0;
            }

            if (entry.Answer == OfferAnswer.None || offer.State != Offer.Types.State.Open)
            {
                continue;
            }

            if (focalPoints.TryGetValue(request.RequestingState, out var focalPoint))
            {
                await AnswerAsync(entry, offer, focalPoint, cancellationToken);
                answered++;
            }
            else
            {
                unanswered++;
            }
        }

        var skipped = unanswered > 0 ? $" ({unanswered} left open: no focal point's token for their country)" : "";
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

        return await records.CreateAsync(assistanceRecords.Offer(entry.Key, request.Name, offer), cancellationToken);
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

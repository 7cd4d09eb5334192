using CapacityBuilding.Contracts.Assistance.V1;

namespace CapacityBuilding.DemoData.Converging;

/// <summary>The assistance service's demo records (<see cref="DemoRecord{T}"/>): how each is created, found again and, where the API allows, edited.</summary>
public sealed class AssistanceRecords(AssistanceService.AssistanceServiceClient assistance)
{
    private const int PageSize = 100;

    /// <summary>A request, told apart by its state and title; edited while a draft or returned, kept as it is once it has moved on.</summary>
    public DemoRecord<AssistanceRequest> Request(string key, AssistanceRequest content) => new(
        "request", key, content,
        async (requestId, options) => (await assistance.CreateAssistanceRequestAsync(
            new() { AssistanceRequest = content, RequestId = requestId }, options)).AssistanceRequest,
        async (token, options) => DemoPages.Of(await assistance.ListAssistanceRequestsAsync(
            new() { RequestingState = content.RequestingState, PageToken = token, PageSize = PageSize }, options), page => page.AssistanceRequests),
        earlier => earlier.Title == content.Title,
        async (updated, mask, options) => (await assistance.UpdateAssistanceRequestAsync(
            new() { AssistanceRequest = updated, UpdateMask = mask }, options)).AssistanceRequest);

    /// <summary>An outcome of <paramref name="request"/>, told apart by its statement.</summary>
    public DemoRecord<Outcome> Outcome(string key, string request, Outcome content) => new(
        "outcome", key, content,
        async (requestId, options) => (await assistance.CreateOutcomeAsync(new() { Parent = request, Outcome = content, RequestId = requestId }, options)).Outcome,
        async (token, options) => DemoPages.Of(await assistance.ListOutcomesAsync(
            new() { Parent = request, PageToken = token, PageSize = PageSize }, options), page => page.Outcomes),
        earlier => earlier.Statement == content.Statement,
        async (updated, mask, options) => (await assistance.UpdateOutcomeAsync(new() { Outcome = updated, UpdateMask = mask }, options)).Outcome);

    /// <summary>
    /// An offer on <paramref name="request"/>, told apart by what it offers (seats of a session or
    /// money of a pledge); offers are not edited. Its expire time moves with the day it is made, so
    /// its create is new content on every load: <see cref="DemoOffers"/> looks for it by its terms first.
    /// </summary>
    public DemoRecord<Offer> Offer(string key, string request, Offer content) => new(
        "offer", key, content,
        async (requestId, options) => (await assistance.CreateOfferAsync(new() { Parent = request, Offer = content, RequestId = requestId }, options)).Offer,
        async (token, options) => DemoPages.Of(await assistance.ListOffersAsync(
            new() { Parent = request, PageToken = token, PageSize = PageSize }, options), page => page.Offers),
        earlier => earlier.SessionSeats?.Session == content.SessionSeats?.Session && earlier.FundingPackage?.Pledge == content.FundingPackage?.Pledge);
}

using CapacityBuilding.Assistance.Access;
using CapacityBuilding.Assistance.Domain.Offers;
using CapacityBuilding.Assistance.Domain.Requests;
using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.ServiceDefaults.Identity;
using CapacityBuilding.ServiceDefaults.Paging;
using CapacityBuilding.ServiceDefaults.Redis;
using CapacityBuilding.ServiceDefaults.Validation;
using Grpc.Core;
using State = CapacityBuilding.Contracts.Assistance.V1.Offer.Types.State;

namespace CapacityBuilding.Assistance.Grpc;

/// <summary>Offers on a request; what they hold and how they are answered is <see cref="OfferSaga"/>'s business.</summary>
public sealed partial class AssistanceService
{
    public override async Task<CreateOfferResponse> CreateOffer(CreateOfferRequest request, ServerCallContext context)
    {
        offerValidator.EnsureValid(request, errors);
        var requestId = AssistanceRequestNames.Request.Parse(request.Parent, "parent", errors).RequestId;
        var caller = context.GetCaller();
        var parent = await requests.GetAsync(requestId) ?? throw errors.NotFound(AssistanceRequestNames.Request.ResourceType, request.Parent);
        offerAccess.EnsureMayReachRequest(caller, parent);
        var draft = request.Offer.ToNewOffer(requestId, OfferAccess.ProposerOf(caller), clock.GetUtcNow());
        offerAccess.EnsureMayPropose(caller, draft);
        offerWrites.EnsureTakesOffers(parent);

        var create = IdempotentCreate.Of(caller, request);
        var earlierId = await offers.FindEarlierCreateAsync(create);
        if (earlierId is null)
        {
            StoredOffer? created;
            (created, earlierId) = await offerSaga.CreateAsync(draft, parent.RequestingState, caller.Subject, create, context.CancellationToken);
            if (created is not null)
            {
                return new CreateOfferResponse { Offer = created.ToMessage() };
            }
        }

        var earlier = await offers.GetAsync(requestId, earlierId!) ?? throw new InvalidOperationException($"Idempotency key {create} points at a missing offer.");
        return new CreateOfferResponse { Offer = IdempotentCreate.Answer(earlier, OfferAccess.MaySee(caller, earlier)).ToMessage() };
    }

    public override async Task<GetOfferResponse> GetOffer(GetOfferRequest request, ServerCallContext context)
    {
        var offer = await GetVisibleOfferAsync(request.Name, context.GetCaller());
        return new GetOfferResponse { Offer = offer.ToMessage() };
    }

    public override async Task<ListOffersResponse> ListOffers(ListOffersRequest request, ServerCallContext context)
    {
        var requestId = AssistanceRequestNames.Request.Parse(request.Parent, "parent", errors).RequestId;
        var caller = context.GetCaller();
        var parent = await requests.GetAsync(requestId) ?? throw errors.NotFound(AssistanceRequestNames.Request.ResourceType, request.Parent);
        offerAccess.EnsureMayReachRequest(caller, parent);
        var pageSize = pageTokens.NormalizePageSize(request.PageSize);
        var scope = $"{request.Parent}/offers?state={(int)request.State}";
        var (items, next) = await offerListing.PageAsync(requestId, caller, request.State, pageSize, pageTokens.Decode(request.PageToken, scope));
        return new ListOffersResponse
        {
            Offers = { items.Select(offer => offer.ToMessage()) },
            NextPageToken = PageTokens.Encode(next, scope),
        };
    }

    public override async Task<AcceptOfferResponse> AcceptOffer(AcceptOfferRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var offer = await GetVisibleOfferAsync(request.Name, caller);
        if (offer.State == State.Open)
        {
            // An acceptance already under way is finished whatever happened since; a new one waits for the resumption.
            var parentName = AssistanceRequestNames.Request.Format(offer.RequestId);
            var parent = await requests.GetAsync(offer.RequestId) ?? throw errors.NotFound(AssistanceRequestNames.Request.ResourceType, parentName);
            SuspendedWork.EnsureNotSuspended(parent, parentName, "Offers are not accepted", errors);
        }

        var accepted = await offerSaga.AcceptAsync(offer, request.Etag, caller.Subject, context.CancellationToken);
        return new AcceptOfferResponse { Offer = accepted.ToMessage() };
    }

    public override async Task<DeclineOfferResponse> DeclineOffer(DeclineOfferRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var offer = await GetVisibleOfferAsync(request.Name, caller);
        var declined = await offerSaga.CloseAsync(offer, State.Declined, request.Etag, caller.Subject, request.Reason.Trim());
        return new DeclineOfferResponse { Offer = declined.ToMessage() };
    }

    public override async Task<WithdrawOfferResponse> WithdrawOffer(WithdrawOfferRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var offer = await GetVisibleOfferAsync(request.Name, caller);
        offerAccess.EnsureMayWithdraw(caller, offer);
        var withdrawn = await offerSaga.CloseAsync(offer, State.Withdrawn, request.Etag, caller.Subject, request.Reason.Trim());
        return new WithdrawOfferResponse { Offer = withdrawn.ToMessage() };
    }

    /// <summary>The stored offer, if the caller may see it; NOT_FOUND naming it otherwise, whether the request or the offer is missing or hidden.</summary>
    private async Task<StoredOffer> GetVisibleOfferAsync(string name, Caller caller)
    {
        var ids = OfferNames.Offer.Parse(name, "name", errors);
        var parent = await requests.GetAsync(ids.RequestId);
        var offer = parent is null ? null : await offers.GetAsync(ids.RequestId, ids.OfferId);
        if (parent is null || offer is null)
        {
            throw errors.NotFound(OfferNames.Offer.ResourceType, name);
        }

        offerAccess.EnsureMaySee(caller, parent, offer);
        return offer;
    }
}

using CapacityBuilding.Assistance.Access;
using CapacityBuilding.Assistance.Clients;
using CapacityBuilding.Assistance.Domain.Delivery;
using CapacityBuilding.Assistance.Domain.History;
using CapacityBuilding.Assistance.Domain.Offers;
using CapacityBuilding.Assistance.Domain.Requests;
using CapacityBuilding.Assistance.Domain.Results;
using CapacityBuilding.Assistance.Repositories;
using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.ServiceDefaults.Audit;
using CapacityBuilding.ServiceDefaults.Errors;
using CapacityBuilding.ServiceDefaults.Identity;
using CapacityBuilding.ServiceDefaults.Paging;
using CapacityBuilding.ServiceDefaults.Redis;
using CapacityBuilding.ServiceDefaults.Validation;
using Grpc.Core;
using Action = CapacityBuilding.Contracts.Assistance.V1.HistoryEntry.Types.Action;

namespace CapacityBuilding.Assistance.Grpc;

/// <summary>The standard methods: Create, Get, List, Update. Lifecycle and history are in the other parts of this class.</summary>
public sealed partial class AssistanceService(
    RedisAssistanceRequestRepository requests,
    RequestChanges changes,
    RequestWithdrawal withdrawal,
    PublicationConsents publicationConsents,
    SecurityMarkings securityMarkings,
    RequestAccess access,
    AssistanceRequestValidator validator,
    CourseCatalog courseCatalog,
    CourseMatcher courseMatcher,
    DonorFunding donorFunding,
    PageTokens pageTokens,
    ChainCheckpoints checkpoints,
    ApiErrors errors,
    TimeProvider clock,
    DeliveryEventSteps deliverySteps,
    DeliveryEventStepRules deliveryStepRules,
    RequestResults results,
    OutcomeValidator outcomeValidator,
    AssistanceIntake intake,
    RedisOfferRepository offers,
    OfferAccess offerAccess,
    OfferValidator offerValidator,
    OfferWrites offerWrites,
    OfferSaga offerSaga,
    OfferListing offerListing,
    DonorRequestListing donorListing) : Contracts.Assistance.V1.AssistanceService.AssistanceServiceBase
{
    public override async Task<CreateAssistanceRequestResponse> CreateAssistanceRequest(
        CreateAssistanceRequestRequest request, ServerCallContext context)
    {
        validator.EnsureValid(request, errors);
        var caller = context.GetCaller();
        access.EnsureMayActFor(caller, request.AssistanceRequest.RequestingState);
        await courseCatalog.EnsureCoursesExistAsync(request.AssistanceRequest.Courses, "assistance_request.courses", context.CancellationToken);
        if (request.ValidateOnly)
        {
            return new CreateAssistanceRequestResponse();
        }

        var now = clock.GetUtcNow();
        var draft = request.AssistanceRequest.ToNewDraft(now);
        var entry = HistoryChain.Record(AssistanceRequestNames.Request.Format(draft.Id), 0, HistoryChain.Genesis, draft,
            new HistoryEntryFacts(caller.Subject, now, Action.Create, AssistanceRequest.Types.State.Unspecified, "", []));
        var stored = await requests.CreateAsync(draft with { HistoryLength = 1, HistoryHead = entry.Hash }, entry, IdempotentCreate.Of(caller, request));
        return new CreateAssistanceRequestResponse { AssistanceRequest = IdempotentCreate.Answer(stored, RequestAccess.MayRead(caller, stored)).ToMessage() };
    }

    public override async Task<GetAssistanceRequestResponse> GetAssistanceRequest(
        GetAssistanceRequestRequest request, ServerCallContext context)
    {
        var stored = await GetExistingAsync(request.Name, "name", context);
        return new GetAssistanceRequestResponse { AssistanceRequest = stored.ToMessage() };
    }

    public override async Task<ListAssistanceRequestsResponse> ListAssistanceRequests(
        ListAssistanceRequestsRequest request, ServerCallContext context)
    {
        var pageSize = pageTokens.NormalizePageSize(request.PageSize);
        var query = access.Scope(context.GetCaller(), request.ToQuery(errors));
        var cursor = pageTokens.Decode(request.PageToken, query.Scope);
        var (items, next) = query.FundedBy is { } donorId
            ? await donorListing.ListAsync(donorId, query, pageSize, cursor, context.CancellationToken)
            : await requests.ListAsync(query, pageSize, cursor, context.CancellationToken);
        return new ListAssistanceRequestsResponse
        {
            AssistanceRequests = { items.Select(stored => stored.ToMessage()) },
            NextPageToken = PageTokens.Encode(next, query.Scope),
        };
    }

    public override async Task<UpdateAssistanceRequestResponse> UpdateAssistanceRequest(
        UpdateAssistanceRequestRequest request, ServerCallContext context)
    {
        if (request.AssistanceRequest is not { } patch)
        {
            throw errors.InvalidArgument("assistance_request", "is required.");
        }

        var name = patch.Name;
        var id = AssistanceRequestNames.Request.Parse(name, "assistance_request.name", errors).RequestId;
        var violations = new FieldViolations();
        var mask = AssistanceRequestMessages.UpdatableFields.Resolve(request.UpdateMask, patch, violations);
        violations.ThrowIfAny(errors);
        if (mask.Paths.Any(path => path.Split('.')[0] == "courses"))
        {
            await courseCatalog.EnsureCoursesExistAsync(patch.Courses, "assistance_request.courses", context.CancellationToken);
        }

        var caller = context.GetCaller();
        var stored = await changes.ApplyAsync(name, id, patch.Etag, Action.Update, caller, "", [.. mask.Paths], current =>
        {
            var merged = AssistanceRequestMessages.UpdatableFields.Merge(mask, current.ToMessage(), patch);
            validator.ValidateMerged(merged);
            access.EnsureMayActFor(caller, merged.RequestingState);
            return AssistanceRequestMessages.WithFields(current, merged);
        });
        return new UpdateAssistanceRequestResponse { AssistanceRequest = stored.ToMessage() };
    }

    /// <summary>The stored request, if the caller may see it.</summary>
    private async Task<StoredAssistanceRequest> GetExistingAsync(string name, string field, ServerCallContext context)
    {
        var id = AssistanceRequestNames.Request.Parse(name, field, errors).RequestId;
        var stored = await requests.GetAsync(id) ?? throw errors.NotFound(AssistanceRequestNames.Request.ResourceType, name);
        var caller = context.GetCaller();
        access.EnsureMayAccess(caller, stored, name);
        await donorFunding.EnsureVisibleAsync(caller, name, context.CancellationToken);
        return stored;
    }
}

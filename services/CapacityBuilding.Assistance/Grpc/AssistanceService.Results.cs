using CapacityBuilding.Assistance.Domain.Requests;
using CapacityBuilding.Assistance.Domain.Results;
using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.ServiceDefaults.Identity;
using CapacityBuilding.ServiceDefaults.Paging;
using CapacityBuilding.ServiceDefaults.Redis;
using CapacityBuilding.ServiceDefaults.Validation;
using Grpc.Core;

namespace CapacityBuilding.Assistance.Grpc;

/// <summary>A request's results: its outcomes and their indicators. Who may read them is who may read the request.</summary>
public sealed partial class AssistanceService
{
    public override async Task<CreateOutcomeResponse> CreateOutcome(CreateOutcomeRequest request, ServerCallContext context)
    {
        outcomeValidator.EnsureValid(request, errors);
        var requestId = AssistanceRequestNames.Request.Parse(request.Parent, "parent", errors).RequestId;
        var caller = context.GetCaller();
        var outcome = request.Outcome.ToNew(requestId, clock.GetUtcNow());
        var stored = await results.CreateAsync(request.Parent, outcome, caller, IdempotentCreate.Of(caller, request));
        return new CreateOutcomeResponse { Outcome = stored.ToMessage() };
    }

    public override async Task<GetOutcomeResponse> GetOutcome(GetOutcomeRequest request, ServerCallContext context)
    {
        var name = OutcomeNames.Outcome.Parse(request.Name, "name", errors);
        await GetExistingAsync(AssistanceRequestNames.Request.Format(name.RequestId), "name", context);
        var stored = await results.GetAsync(name) ?? throw errors.NotFound(OutcomeNames.Outcome.ResourceType, request.Name);
        return new GetOutcomeResponse { Outcome = stored.ToMessage() };
    }

    public override async Task<ListOutcomesResponse> ListOutcomes(ListOutcomesRequest request, ServerCallContext context)
    {
        var parent = await GetExistingAsync(request.Parent, "parent", context);
        var pageSize = pageTokens.NormalizePageSize(request.PageSize);
        var scope = $"{request.Parent}/outcomes";
        var (items, lastId) = await results.ListAsync(parent.Id, pageSize, pageTokens.Decode(request.PageToken, scope));
        return new ListOutcomesResponse
        {
            Outcomes = { items.Select(outcome => outcome.ToMessage()) },
            NextPageToken = PageTokens.Encode(lastId, scope),
        };
    }

    public override async Task<UpdateOutcomeResponse> UpdateOutcome(UpdateOutcomeRequest request, ServerCallContext context)
    {
        if (request.Outcome is not { } patch)
        {
            throw errors.InvalidArgument("outcome", "is required.");
        }

        var name = OutcomeNames.Outcome.Parse(patch.Name, "outcome.name", errors);
        var violations = new FieldViolations();
        var mask = OutcomeMessages.UpdatableFields.Resolve(request.UpdateMask, patch, violations);
        violations.ThrowIfAny(errors);
        var stored = await results.UpdateAsync(patch.Name, name, patch.Etag, [.. mask.Paths], context.GetCaller(), current =>
        {
            var merged = OutcomeMessages.UpdatableFields.Merge(mask, current.ToMessage(), patch);
            outcomeValidator.ValidateMerged(merged);
            return OutcomeMessages.WithFields(current, merged);
        });
        return new UpdateOutcomeResponse { Outcome = stored.ToMessage() };
    }
}

using CapacityBuilding.Assistance.Domain.Requests;
using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.ServiceDefaults.Identity;
using Grpc.Core;
using Action = CapacityBuilding.Contracts.Assistance.V1.HistoryEntry.Types.Action;

namespace CapacityBuilding.Assistance.Grpc;

/// <summary>Intake: the approval with its budget.</summary>
public sealed partial class AssistanceService
{
    private async Task<StoredAssistanceRequest> ApproveAsync(ReviewAssistanceRequestRequest request, ServerCallContext context)
    {
        var id = AssistanceRequestNames.Request.Parse(request.Name, "name", errors).RequestId;
        var budget = request.ApprovedBudget.ToStored();
        IReadOnlyList<string> changedFields = budget is null ? [] : ["approved_budget"];
        return await changes.ApplyAsync(request.Name, id, request.Etag, Action.Approve, context.GetCaller(), request.Reason.Trim(), changedFields,
            current => current with { CourseProposal = courseMatcher.Pending(), ApprovedBudget = budget });
    }
}

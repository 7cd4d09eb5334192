using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.ServiceDefaults.Validation;
using Decision = CapacityBuilding.Contracts.Assistance.V1.ReviewAssistanceRequestRequest.Types.Decision;

namespace CapacityBuilding.Assistance.Domain.Approvals;

/// <summary>
/// The rules of a review that its proto cannot state: an approved budget and an overlap
/// confirmation belong to an approval only (a rejection or a return approves nothing), and the
/// budget is a positive amount in an ISO 4217 currency.
/// </summary>
public sealed class ReviewRules : IRequestRules<ReviewAssistanceRequestRequest>
{
    public void AddViolations(ReviewAssistanceRequestRequest request, FieldViolations violations)
    {
        if (request.OverlapConfirmation.Length > 0 && request.Decision != Decision.Approve)
        {
            violations.Add("overlap_confirmation", "is set only with DECISION_APPROVE.");
        }

        if (request.ApprovedBudget is null)
        {
            return;
        }

        if (request.Decision != Decision.Approve)
        {
            violations.Add("approved_budget", "is set only with DECISION_APPROVE.");
        }
        else
        {
            violations.RequirePositiveMoney("approved_budget", request.ApprovedBudget);
        }
    }
}

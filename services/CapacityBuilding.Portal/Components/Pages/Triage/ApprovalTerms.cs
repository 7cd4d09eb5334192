using CapacityBuilding.Contracts.Assistance.V1;
using Google.Type;

namespace CapacityBuilding.Portal.Components.Pages.Triage;

/// <summary>
/// What an approval may carry besides its reason: the budget the coordinator approves (the measure
/// of the funding gap from then on) and, for a request that overlaps others, why it is approved
/// anyway. Unset parts are left out of the review, as the service expects.
/// </summary>
public sealed record ApprovalTerms(Money? ApprovedBudget, string? OverlapConfirmation)
{
    public static ApprovalTerms None { get; } = new(null, null);

    public ReviewAssistanceRequestRequest ApplyTo(ReviewAssistanceRequestRequest review)
    {
        if (ApprovedBudget is { } budget)
        {
            review.ApprovedBudget = budget;
        }

        if (!string.IsNullOrWhiteSpace(OverlapConfirmation))
        {
            review.OverlapConfirmation = OverlapConfirmation;
        }

        return review;
    }
}

using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.Contracts.Lifecycle;
using Action = CapacityBuilding.Contracts.Assistance.V1.HistoryEntry.Types.Action;
using Decision = CapacityBuilding.Contracts.Assistance.V1.ReviewAssistanceRequestRequest.Types.Decision;
using State = CapacityBuilding.Contracts.Assistance.V1.AssistanceRequest.Types.State;

namespace CapacityBuilding.Portal.Components.Pages.Triage;

/// <summary>
/// The lifecycle actions a coordinator takes from the review workspace, and the rpc each one is.
/// Which of them a request offers comes from the lifecycle table
/// (<see cref="AssistanceRequestLifecycle"/>), the same table the service enforces, so the page
/// never offers a step the service would refuse for the request's state.
/// </summary>
public static class CoordinatorActions
{
    /// <summary>In the order a request meets them.</summary>
    public static readonly IReadOnlyList<Action> All =
        [Action.BeginReview, Action.Approve, Action.Reject, Action.Return, Action.StartDelivery, Action.Complete];

    public static IEnumerable<Action> AvailableIn(State state) => All.Where(action => AssistanceRequestLifecycle.Next(state, action) is not null);

    /// <summary>
    /// Takes <paramref name="action"/> on the request, conditional on <paramref name="etag"/> (AIP-154);
    /// an approval carries the <paramref name="approval"/>'s budget and overlap confirmation when given.
    /// </summary>
    public static async Task<AssistanceRequest> TakeAsync(
        AssistanceService.AssistanceServiceClient assistance, string name, Action action, string etag, string reason, ApprovalTerms? approval = null) =>
        action switch
        {
            Action.BeginReview => (await assistance.BeginAssistanceRequestReviewAsync(new() { Name = name, Etag = etag, Reason = reason })).AssistanceRequest,
            Action.Approve => (await assistance.ReviewAssistanceRequestAsync((approval ?? ApprovalTerms.None).ApplyTo(new() { Name = name, Etag = etag, Decision = Decision.Approve, Reason = reason }))).AssistanceRequest,
            Action.Reject => await ReviewAsync(assistance, name, Decision.Reject, etag, reason),
            Action.Return => await ReviewAsync(assistance, name, Decision.Return, etag, reason),
            Action.StartDelivery => (await assistance.StartAssistanceRequestDeliveryAsync(new() { Name = name, Etag = etag, Reason = reason })).AssistanceRequest,
            Action.Complete => (await assistance.CompleteAssistanceRequestAsync(new() { Name = name, Etag = etag, Reason = reason })).AssistanceRequest,
            _ => throw new ArgumentOutOfRangeException(nameof(action), action, "Not a coordinator's action of the workspace."),
        };

    private static async Task<AssistanceRequest> ReviewAsync(AssistanceService.AssistanceServiceClient assistance, string name, Decision decision, string etag, string reason) =>
        (await assistance.ReviewAssistanceRequestAsync(new() { Name = name, Etag = etag, Decision = decision, Reason = reason })).AssistanceRequest;
}

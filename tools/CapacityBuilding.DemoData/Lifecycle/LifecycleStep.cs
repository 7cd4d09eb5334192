using State = CapacityBuilding.Contracts.Assistance.V1.AssistanceRequest.Types.State;

namespace CapacityBuilding.DemoData.Lifecycle;

/// <summary>One call of a lifecycle method and the state it leaves the request in.</summary>
public sealed record LifecycleStep(string Method, State After)
{
    public static readonly LifecycleStep Submit = new("SubmitAssistanceRequest", State.Submitted);
    public static readonly LifecycleStep BeginReview = new("BeginAssistanceRequestReview", State.UnderReview);
    public static readonly LifecycleStep Approve = new("ReviewAssistanceRequest (approve)", State.Approved);
    public static readonly LifecycleStep Reject = new("ReviewAssistanceRequest (reject)", State.Rejected);
    public static readonly LifecycleStep Return = new("ReviewAssistanceRequest (return)", State.Returned);
    public static readonly LifecycleStep Withdraw = new("WithdrawAssistanceRequest", State.Withdrawn);
    public static readonly LifecycleStep StartDelivery = new("StartAssistanceRequestDelivery", State.InDelivery);
    public static readonly LifecycleStep Complete = new("CompleteAssistanceRequest", State.Completed);

    /// <summary>Steps after approval: money is allocated before them, since only an APPROVED request can be funded.</summary>
    public bool IsDelivery => After is State.InDelivery or State.Completed;
}

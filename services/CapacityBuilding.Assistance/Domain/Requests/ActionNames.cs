using Action = CapacityBuilding.Contracts.Assistance.V1.HistoryEntry.Types.Action;
using State = CapacityBuilding.Contracts.Assistance.V1.AssistanceRequest.Types.State;

namespace CapacityBuilding.Assistance.Domain.Requests;

/// <summary>Words for actions and states in messages written for callers.</summary>
public static class ActionNames
{
    public static string Verb(Action action) => action switch
    {
        Action.Update => "update",
        Action.Submit => "submit",
        Action.BeginReview => "begin reviewing",
        Action.Approve => "approve",
        Action.Reject => "reject",
        Action.Return => "return",
        Action.Withdraw => "withdraw",
        Action.StartDelivery => "start delivering",
        Action.Complete => "complete",
        Action.Suspend => "suspend",
        Action.Resume => "resume",
        _ => action.ToString().ToLowerInvariant(),
    };

    /// <summary>The state as the proto names it, e.g. STATE_UNDER_REVIEW.</summary>
    public static string Of(State state) =>
        StateDescriptor.FindValueByNumber((int)state)?.Name ?? state.ToString();

    private static readonly Google.Protobuf.Reflection.EnumDescriptor StateDescriptor =
        Contracts.Assistance.V1.AssistanceRequest.Descriptor.EnumTypes.Single(type => type.Name == "State");
}

using System.Collections.Frozen;
using Action = CapacityBuilding.Contracts.Assistance.V1.HistoryEntry.Types.Action;
using State = CapacityBuilding.Contracts.Assistance.V1.AssistanceRequest.Types.State;

namespace CapacityBuilding.Assistance.Requests;

/// <summary>
/// The one statement of the request lifecycle: which action is allowed in which state and where
/// it leads. Every change of a request asks here first; anything not in the table is refused.
/// </summary>
public static class RequestLifecycle
{
    private static readonly FrozenDictionary<(State From, Action Action), State> Transitions = new Dictionary<(State, Action), State>
    {
        [(State.Draft, Action.Update)] = State.Draft,
        [(State.Returned, Action.Update)] = State.Returned,
        [(State.Draft, Action.Submit)] = State.Submitted,
        [(State.Returned, Action.Submit)] = State.Submitted,
        [(State.Submitted, Action.BeginReview)] = State.UnderReview,
        [(State.UnderReview, Action.Approve)] = State.Approved,
        [(State.UnderReview, Action.Reject)] = State.Rejected,
        [(State.UnderReview, Action.Return)] = State.Returned,
        [(State.Approved, Action.StartDelivery)] = State.InDelivery,
        [(State.InDelivery, Action.Complete)] = State.Completed,
        [(State.Draft, Action.Withdraw)] = State.Withdrawn,
        [(State.Submitted, Action.Withdraw)] = State.Withdrawn,
        [(State.UnderReview, Action.Withdraw)] = State.Withdrawn,
        [(State.Approved, Action.Withdraw)] = State.Withdrawn,
        [(State.Returned, Action.Withdraw)] = State.Withdrawn,
    }.ToFrozenDictionary();

    /// <summary>Where <paramref name="action"/> leads from <paramref name="from"/>, or null when it is not allowed there.</summary>
    public static State? Next(State from, Action action) =>
        Transitions.TryGetValue((from, action), out var next) ? next : null;

    /// <summary>States in which courses can be (re)matched: approved and being delivered.</summary>
    public static bool CanMatchCourses(State state) => state is State.Approved or State.InDelivery;
}

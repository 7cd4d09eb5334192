using System.Collections.Frozen;
using Action = CapacityBuilding.Contracts.Assistance.V1.HistoryEntry.Types.Action;
using State = CapacityBuilding.Contracts.Assistance.V1.AssistanceRequest.Types.State;

namespace CapacityBuilding.Contracts.Lifecycle;

/// <summary>
/// The one statement of the assistance request lifecycle: which action is allowed in which state
/// and where it leads, and the path a new draft takes to each state. The service refuses every
/// change not in the table; the demo loader and the tests bring requests into a state along
/// <see cref="PathTo"/>, whose steps are walked through the same table, so a path can never
/// take a step the service would refuse. A resumption is the one action whose target is not a
/// fixed state: it returns a suspended request to the state it was suspended from.
/// </summary>
public static class AssistanceRequestLifecycle
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
        [(State.Approved, Action.Suspend)] = State.Suspended,
        [(State.InDelivery, Action.Suspend)] = State.Suspended,
    }.ToFrozenDictionary();

    private static readonly Action[] ToApproval = [Action.Submit, Action.BeginReview, Action.Approve];

    // The actions from DRAFT to each state. A request is withdrawn after submission, the usual
    // moment a state changes its mind.
    private static readonly FrozenDictionary<State, LifecycleStep[]> Paths = new Dictionary<State, Action[]>
    {
        [State.Draft] = [],
        [State.Submitted] = [Action.Submit],
        [State.UnderReview] = [Action.Submit, Action.BeginReview],
        [State.Approved] = ToApproval,
        [State.InDelivery] = [.. ToApproval, Action.StartDelivery],
        [State.Completed] = [.. ToApproval, Action.StartDelivery, Action.Complete],
        [State.Rejected] = [Action.Submit, Action.BeginReview, Action.Reject],
        [State.Returned] = [Action.Submit, Action.BeginReview, Action.Return],
        [State.Withdrawn] = [Action.Submit, Action.Withdraw],
        [State.Suspended] = [.. ToApproval, Action.Suspend],
    }.ToFrozenDictionary(path => path.Key, path => Walk(path.Key, path.Value));

    /// <summary>Where <paramref name="action"/> leads from <paramref name="from"/>, or null when it is not allowed there.</summary>
    /// <param name="suspendedFrom">The state a suspended request was suspended from, where a resumption leads back to.</param>
    public static State? Next(State from, Action action, State suspendedFrom = State.Unspecified) =>
        action == Action.Resume
            ? from == State.Suspended && Transitions.ContainsKey((suspendedFrom, Action.Suspend)) ? suspendedFrom : null
            : Transitions.TryGetValue((from, action), out var next) ? next : null;

    /// <summary>Whether <see cref="PathTo"/> knows a path to <paramref name="target"/>.</summary>
    public static bool CanReach(State target) => Paths.ContainsKey(target);

    /// <summary>The steps from a new draft to <paramref name="target"/>, in order.</summary>
    public static IReadOnlyList<LifecycleStep> PathTo(State target) =>
        Paths.TryGetValue(target, out var path) ? path : throw new ArgumentOutOfRangeException(nameof(target), target, "No path leads there.");

    private static LifecycleStep[] Walk(State target, Action[] actions)
    {
        var state = State.Draft;
        var steps = new LifecycleStep[actions.Length];
        for (var i = 0; i < actions.Length; i++)
        {
            state = Next(state, actions[i]) ?? throw new InvalidOperationException($"The path to {target} takes {actions[i]} in {state}, which the lifecycle refuses.");
            steps[i] = new LifecycleStep(actions[i], state);
        }

        return state == target ? steps : throw new InvalidOperationException($"The path to {target} ends in {state}.");
    }
}

using State = CapacityBuilding.Contracts.Assistance.V1.AssistanceRequest.Types.State;

namespace CapacityBuilding.DemoData.Lifecycle;

/// <summary>
/// The path the demo takes from DRAFT to each state, following the lifecycle of
/// services/CapacityBuilding.Assistance/Requests/RequestLifecycle.cs. A request is withdrawn after
/// submission, the usual moment a state changes its mind.
/// </summary>
public static class LifecycleRoute
{
    private static readonly LifecycleStep[] ToApproval = [LifecycleStep.Submit, LifecycleStep.BeginReview, LifecycleStep.Approve];

    private static readonly Dictionary<State, LifecycleStep[]> Routes = new()
    {
        [State.Draft] = [],
        [State.Submitted] = [LifecycleStep.Submit],
        [State.UnderReview] = [LifecycleStep.Submit, LifecycleStep.BeginReview],
        [State.Approved] = ToApproval,
        [State.InDelivery] = [.. ToApproval, LifecycleStep.StartDelivery],
        [State.Completed] = [.. ToApproval, LifecycleStep.StartDelivery, LifecycleStep.Complete],
        [State.Rejected] = [LifecycleStep.Submit, LifecycleStep.BeginReview, LifecycleStep.Reject],
        [State.Returned] = [LifecycleStep.Submit, LifecycleStep.BeginReview, LifecycleStep.Return],
        [State.Withdrawn] = [LifecycleStep.Submit, LifecycleStep.Withdraw],
    };

    public static bool CanReach(State target) => Routes.ContainsKey(target);

    /// <summary>States that money can be allocated on the way to: approved, and anything reached through approval.</summary>
    public static bool PassesApproval(State target) => Routes.TryGetValue(target, out var route) && route.Contains(LifecycleStep.Approve);

    /// <summary>
    /// The steps still missing from <paramref name="current"/> to <paramref name="target"/>: none
    /// when the request is there already, and null when it is off the route (someone moved it
    /// elsewhere), in which case the demo leaves it alone.
    /// </summary>
    public static IReadOnlyList<LifecycleStep>? Remaining(State current, State target)
    {
        var route = Routes[target];
        if (current == State.Draft)
        {
            return route;
        }

        var reached = Array.FindIndex(route, step => step.After == current);
        return reached < 0 ? null : route[(reached + 1)..];
    }
}

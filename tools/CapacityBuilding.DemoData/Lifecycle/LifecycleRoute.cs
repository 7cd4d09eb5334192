using CapacityBuilding.Contracts.Lifecycle;
using Action = CapacityBuilding.Contracts.Assistance.V1.HistoryEntry.Types.Action;
using State = CapacityBuilding.Contracts.Assistance.V1.AssistanceRequest.Types.State;

namespace CapacityBuilding.DemoData.Lifecycle;

/// <summary>
/// Where the demo is on the path from DRAFT to each state (<see cref="AssistanceRequestLifecycle.PathTo"/>,
/// the same path the tests take), so that a re-run applies only the steps a request still lacks.
/// </summary>
public static class LifecycleRoute
{
    public static bool CanReach(State target) => AssistanceRequestLifecycle.CanReach(target);

    /// <summary>States that money can be allocated on the way to: approved, and anything reached through approval.</summary>
    public static bool PassesApproval(State target) =>
        CanReach(target) && AssistanceRequestLifecycle.PathTo(target).Any(step => step.Action == Action.Approve);

    /// <summary>Steps after approval (delivery, suspension): money is allocated before them, since only an APPROVED request can be funded.</summary>
    public static bool FollowsFunding(LifecycleStep step) => step.After is State.InDelivery or State.Completed or State.Suspended;

    /// <summary>
    /// The steps still missing from <paramref name="current"/> to <paramref name="target"/>: none
    /// when the request is there already, and null when it is off the path (someone moved it
    /// elsewhere), in which case the demo leaves it alone.
    /// </summary>
    public static IReadOnlyList<LifecycleStep>? Remaining(State current, State target)
    {
        var path = AssistanceRequestLifecycle.PathTo(target);
        if (current == State.Draft)
        {
            return path;
        }

        var reached = path.ToList().FindIndex(step => step.After == current);
        return reached < 0 ? null : [.. path.Skip(reached + 1)];
    }
}

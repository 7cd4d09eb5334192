using CapacityBuilding.Contracts.Lifecycle;
using CapacityBuilding.ServiceDefaults.Identity;
using Action = CapacityBuilding.Contracts.Assistance.V1.HistoryEntry.Types.Action;
using State = CapacityBuilding.Contracts.Assistance.V1.AssistanceRequest.Types.State;

namespace CapacityBuilding.Portal.Components.Pages.Requests;

/// <summary>
/// The actions a request's page offers its reader: those the lifecycle allows in the request's
/// state (<see cref="AssistanceRequestLifecycle"/>, the suite's one statement of it) to the roles
/// that take them. Offering is a convenience; the service decides when one is taken.
/// </summary>
public sealed record RequestActionsAllowed(bool Edit, bool Submit, bool Withdraw, bool Review)
{
    public bool Any => Edit || Submit || Withdraw || Review;

    /// <summary>Focal points write their country's requests; coordinators may act for any country.</summary>
    public static bool Writes(Caller? caller) => caller?.Role is CallerRole.MemberState or CallerRole.Coordinator;

    public static RequestActionsAllowed For(Caller? caller, State state)
    {
        var writes = Writes(caller);
        return new RequestActionsAllowed(
            Edit: writes && Allows(state, Action.Update),
            Submit: writes && Allows(state, Action.Submit),
            Withdraw: writes && Allows(state, Action.Withdraw),
            Review: caller?.Role == CallerRole.Coordinator);
    }

    private static bool Allows(State state, Action action) => AssistanceRequestLifecycle.Next(state, action) is not null;
}

using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.Contracts.Lifecycle;
using CapacityBuilding.ServiceDefaults.Identity;
using Action = CapacityBuilding.Contracts.Assistance.V1.HistoryEntry.Types.Action;

namespace CapacityBuilding.Portal.Components.Pages.Requests;

/// <summary>
/// The actions a request's page offers its reader: those the lifecycle allows in the request's
/// state (<see cref="AssistanceRequestLifecycle"/>, the suite's one statement of it) to the roles
/// that take them. Offering is a convenience; the service decides when one is taken.
/// </summary>
public sealed record RequestActionsAllowed(bool Edit, bool Submit, bool Withdraw, bool Review, bool Suspend, bool Resume)
{
    public bool Any => Edit || Submit || Withdraw || Review || Suspend || Resume;

    /// <summary>Focal points write their country's requests; coordinators may act for any country.</summary>
    public static bool Writes(Caller? caller) => caller?.Role is CallerRole.MemberState or CallerRole.Coordinator;

    public static RequestActionsAllowed For(Caller? caller, AssistanceRequest request)
    {
        var writes = Writes(caller);
        var coordinates = caller?.Role == CallerRole.Coordinator;
        return new RequestActionsAllowed(
            Edit: writes && Allows(request, Action.Update),
            Submit: writes && Allows(request, Action.Submit),
            Withdraw: writes && Allows(request, Action.Withdraw),
            Review: coordinates,
            Suspend: coordinates && Allows(request, Action.Suspend),
            Resume: coordinates && Allows(request, Action.Resume));
    }

    private static bool Allows(AssistanceRequest request, Action action) =>
        AssistanceRequestLifecycle.Next(request.State, action, request.SuspendedFrom) is not null;
}

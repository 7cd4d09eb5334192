using CapacityBuilding.Assistance.Domain.Requests;
using State = CapacityBuilding.Contracts.Assistance.V1.AssistanceRequest.Types.State;

namespace CapacityBuilding.Assistance.Domain.Approvals;

/// <summary>
/// The lifecycle states in which a request holds its state's attention, so that an approval
/// overlapping it needs a confirmation: approved or in delivery, or suspended from either (a pause
/// does not give up the work). A state added here joins the
/// overlap index by itself: the index's marker key is named after this set, so a changed set
/// builds the index again at the next start (<see cref="Repositories.OverlapIndex"/>).
/// </summary>
public static class ActiveRequests
{
    public static IReadOnlyList<State> States { get; } = [State.Approved, State.InDelivery, State.Suspended];

    public static bool Includes(StoredAssistanceRequest request) => States.Contains(request.State);
}

using CapacityBuilding.Assistance.Domain.Requests;
using CapacityBuilding.Contracts.Assistance.V1;
using State = CapacityBuilding.Contracts.Assistance.V1.AssistanceRequest.Types.State;

namespace CapacityBuilding.Assistance.Domain.Convention;

/// <summary>
/// What a request in a lifecycle state says about the coverage of its areas: a request counts once
/// it is submitted and until it is refused or withdrawn. A suspended request counts as the state it
/// was suspended from: a pause neither undoes what was delivered nor drops the need.
/// </summary>
public static class CoverageBucket
{
    public static Coverage Of(StoredAssistanceRequest request) => Of(request.State == State.Suspended ? request.SuspendedFrom ?? State.Unspecified : request.State);

    private static Coverage Of(State state) => state switch
    {
        State.Submitted or State.UnderReview or State.Approved => Coverage.Requested,
        State.InDelivery => Coverage.InDelivery,
        State.Completed => Coverage.Supported,
        _ => Coverage.Never,
    };
}

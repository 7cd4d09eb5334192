using CapacityBuilding.Contracts.Assistance.V1;
using State = CapacityBuilding.Contracts.Assistance.V1.AssistanceRequest.Types.State;

namespace CapacityBuilding.Assistance.Domain.Convention;

/// <summary>What a request in a lifecycle state says about the coverage of its areas: a request counts once it is submitted and until it is refused or withdrawn.</summary>
public static class CoverageBucket
{
    public static Coverage Of(State state) => state switch
    {
        State.Submitted or State.UnderReview or State.Approved => Coverage.Requested,
        State.InDelivery => Coverage.InDelivery,
        State.Completed => Coverage.Supported,
        _ => Coverage.Never,
    };
}

using State = CapacityBuilding.Contracts.Assistance.V1.AssistanceRequest.Types.State;

namespace CapacityBuilding.Assistance.Domain.Requests;

/// <summary>
/// The service's rules on top of the lifecycle. Which action is allowed in which state, and where
/// it leads, is stated once in <see cref="Contracts.Lifecycle.AssistanceRequestLifecycle"/>, shared
/// with the demo loader and the tests.
/// </summary>
public static class RequestLifecycle
{
    /// <summary>States in which courses can be (re)matched: approved and being delivered.</summary>
    public static bool CanMatchCourses(State state) => state is State.Approved or State.InDelivery;
}

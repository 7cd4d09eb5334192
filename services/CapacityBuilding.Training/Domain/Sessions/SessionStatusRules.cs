using CapacityBuilding.Contracts.Training.V1;

namespace CapacityBuilding.Training.Domain.Sessions;

/// <summary>
/// The life of a session: SCHEDULED to IN_PROGRESS, COMPLETED or CANCELLED; IN_PROGRESS to
/// COMPLETED or CANCELLED. COMPLETED and CANCELLED are final.
/// </summary>
public static class SessionStatusRules
{
    public static bool CanChange(SessionStatus from, SessionStatus to) => (from, to) switch
    {
        _ when from == to => true,
        (SessionStatus.Scheduled, SessionStatus.InProgress or SessionStatus.Completed or SessionStatus.Cancelled) => true,
        (SessionStatus.InProgress, SessionStatus.Completed or SessionStatus.Cancelled) => true,
        _ => false,
    };
}

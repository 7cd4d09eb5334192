using CapacityBuilding.ServiceDefaults.Identity;
using CapacityBuilding.Training.Domain.SeatHolds;

namespace CapacityBuilding.Training.Access;

/// <summary>
/// Ownership of seat holds, after <see cref="TrainingPermissions"/> has let the role in: a member
/// state sees only the holds of its own country; every other role that may call sees all.
/// </summary>
public static class SeatHoldAccess
{
    /// <summary>
    /// Whether the caller may see the hold. Callers answer NOT_FOUND for one it may not, as for one
    /// that does not exist, so that another country's offers cannot be probed.
    /// </summary>
    public static bool IsVisibleTo(Caller caller, StoredSeatHold hold) =>
        caller.Role != CallerRole.MemberState || hold.Country == caller.Country;

    /// <summary>The only country whose holds the caller may list, or null for all.</summary>
    public static string? CountryListedFor(Caller caller) =>
        caller.Role == CallerRole.MemberState ? caller.Country : null;
}

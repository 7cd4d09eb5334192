using CapacityBuilding.ServiceDefaults.Errors;
using CapacityBuilding.ServiceDefaults.Identity;
using CapacityBuilding.Training.Domain.Enrolments;

namespace CapacityBuilding.Training.Access;

/// <summary>
/// Ownership of enrolments, after <see cref="TrainingPermissions"/> has let the role in: a member
/// state enrols, sees and cancels only its own nationals; every other role that may call sees all.
/// </summary>
public sealed class EnrolmentAccess(ApiErrors errors)
{
    /// <summary>PERMISSION_DENIED when a member state enrols another country's national.</summary>
    public void EnsureMayEnrol(Caller caller, string nationality)
    {
        if (caller.Role == CallerRole.MemberState && nationality != caller.Country)
        {
            throw errors.PermissionDenied($"A member state enrols its own nationals only ({caller.Country}).");
        }
    }

    /// <summary>
    /// Whether the caller may see the enrolment. Callers answer NOT_FOUND for one it may not, as
    /// for one that does not exist, so that ids cannot be probed.
    /// </summary>
    public static bool IsVisibleTo(Caller caller, EnrolmentWithPosition enrolment) => IsVisibleTo(caller, enrolment.Enrolment);

    /// <summary>The only nationality whose enrolments the caller may list, or null for all.</summary>
    public static string? NationalityListedFor(Caller caller) =>
        caller.Role == CallerRole.MemberState ? caller.Country : null;

    /// <inheritdoc cref="IsVisibleTo(Caller, EnrolmentWithPosition)"/>
    public static bool IsVisibleTo(Caller caller, StoredEnrolment enrolment) =>
        caller.Role != CallerRole.MemberState || enrolment.Nationality == caller.Country;
}

using System.Security.Claims;

namespace CapacityBuilding.ServiceDefaults.Identity;

/// <summary>
/// Who is calling, read once from the validated token: never from a header a caller could set.
/// <see cref="Country"/> is set for member states, <see cref="DonorId"/> for donors.
/// </summary>
public sealed record Caller(string Subject, CallerRole Role, string? Country, string? DonorId)
{
    /// <summary>
    /// The app of the suite that relayed the call (<see cref="RelayingApp"/>), for logs and audit;
    /// who may do what is decided by the caller's role and claims, never by the relay.
    /// </summary>
    public string? RelayedBy { get; init; }

    /// <summary>The caller of a validated principal, or null when its claims do not make a caller.</summary>
    public static Caller? From(ClaimsPrincipal principal)
    {
        var subject = principal.FindFirstValue(CallerClaims.Subject);
        var roleClaim = principal.FindFirstValue(CallerClaims.Role);
        if (subject is null || roleClaim is null || !CallerClaims.RolesByClaimValue.TryGetValue(roleClaim, out var role))
        {
            return null;
        }

        var country = principal.FindFirstValue(CallerClaims.Country);
        var donor = principal.FindFirstValue(CallerClaims.Donor);
        return role switch
        {
            CallerRole.MemberState when string.IsNullOrEmpty(country) => null,
            CallerRole.Donor when string.IsNullOrEmpty(donor) => null,
            _ => new Caller(subject, role, country, donor),
        };
    }
}

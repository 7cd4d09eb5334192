namespace CapacityBuilding.ServiceDefaults.Identity;

/// <summary>The claims our tokens carry, with the role names as they appear in tokens.</summary>
public static class CallerClaims
{
    public const string Subject = "sub";
    public const string Role = "role";
    public const string Country = "country";
    public const string Donor = "donor";

    public static readonly IReadOnlyDictionary<string, CallerRole> RolesByClaimValue = new Dictionary<string, CallerRole>(StringComparer.Ordinal)
    {
        ["member_state"] = CallerRole.MemberState,
        ["coordinator"] = CallerRole.Coordinator,
        ["donor"] = CallerRole.Donor,
        ["auditor"] = CallerRole.Auditor,
        ["service"] = CallerRole.Service,
    };

    public static string ClaimValueOf(CallerRole role) => RolesByClaimValue.Single(entry => entry.Value == role).Key;
}

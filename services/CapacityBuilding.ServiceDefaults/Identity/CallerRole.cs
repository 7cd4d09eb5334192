namespace CapacityBuilding.ServiceDefaults.Identity;

/// <summary>The roles of the programme (DOMAIN.md), as carried in the token's <c>role</c> claim.</summary>
public enum CallerRole
{
    /// <summary><c>member_state</c>: a national focal point; acts for the country in its <c>country</c> claim.</summary>
    MemberState,

    /// <summary><c>coordinator</c>: UNODC staff; manages everything in the programme.</summary>
    Coordinator,

    /// <summary><c>donor</c>: acts for the donor in its <c>donor</c> claim.</summary>
    Donor,

    /// <summary><c>auditor</c>: reads everything, changes nothing.</summary>
    Auditor,

    /// <summary>
    /// <c>service</c>: another app of the suite acting as itself (its app-id in <c>sub</c>), for
    /// the reads it needs whoever asked it; only the methods a service's permission table grants
    /// it. The calling app applies its own caller's rules to what it read.
    /// </summary>
    Service,
}

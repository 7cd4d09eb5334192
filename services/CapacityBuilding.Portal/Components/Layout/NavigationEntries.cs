using CapacityBuilding.ServiceDefaults.Identity;

namespace CapacityBuilding.Portal.Components.Layout;

/// <summary>
/// The navigation of every role, in one table: a page that wants an entry appends one line here
/// (and its title in Resources/Components/Layout/NavigationEntries.resx, .fr and .es).
/// </summary>
public sealed class NavigationEntries
{
    private static readonly CallerRole[] Everyone = [CallerRole.MemberState, CallerRole.Coordinator, CallerRole.Donor, CallerRole.Auditor];

    /// <summary>No role: the entry is shown to every visitor, signed in or not (public pages).</summary>
    private static readonly CallerRole[] Public = [];

    public static IReadOnlyList<NavigationEntry> All { get; } =
    [
        new("Home", "", Everyone),
        new("Requests", "requests", [CallerRole.MemberState]),
        new("NewRequest", "requests/new", [CallerRole.MemberState]),
        new("Triage", "triage", [CallerRole.Coordinator]),
        new("Catalogue", "catalogue", Everyone),
        new("NationalsEnrolments", "catalogue/enrolments", [CallerRole.MemberState]),
        new("FundingDonors", "funding/donors", [CallerRole.Coordinator, CallerRole.Auditor]),
        new("FundingAllocations", "funding/allocations", [CallerRole.Coordinator, CallerRole.Auditor]),
        new("FundingMine", "funding/mine", [CallerRole.Donor]),
        new("FundingFundedRequests", "funding/funded-requests", [CallerRole.Donor]),
        new("Audit", "audit", [CallerRole.Coordinator, CallerRole.Auditor]),
        new("Dashboards", "dashboards", Everyone),
        new("FundingExchangeRates", "funding/exchange-rates", [CallerRole.Coordinator, CallerRole.Donor, CallerRole.Auditor]),
        new("FundingIatiExport", "funding/iati", [CallerRole.Coordinator, CallerRole.Auditor]),
        new("OpenNeeds", "funding/open-needs", [CallerRole.Donor]),
        new("ConventionStatuses", "convention-statuses", Everyone),
        new("DeliveryEvents", "delivery/events", [CallerRole.Coordinator, CallerRole.Auditor, CallerRole.MemberState]),
        new("DeliveryExperts", "delivery/experts", [CallerRole.Coordinator, CallerRole.Auditor]),
        new("PublicRegistry", "registry", Public),
        new("Import", "import", [CallerRole.Coordinator]),
    ];

    private NavigationEntries()
    {
    }

    public static IEnumerable<NavigationEntry> For(Caller? caller) =>
        All.Where(entry => entry.Roles.Count == 0 || (caller is not null && entry.Roles.Contains(caller.Role)));
}

namespace CapacityBuilding.Portal.Components.Pages.Registry;

/// <summary>
/// The IATI ActivityStatus codes the registry filters and shows (IATI-Codelists, ActivityStatus.xml:
/// 1 Pipeline/identification, 2 Implementation, 3 Finalisation, 4 Closed, 5 Cancelled, 6 Suspended),
/// each named by the resource key <c>Status_{code}</c>.
/// </summary>
public static class IatiActivityStatuses
{
    public static IReadOnlyList<int> All { get; } = [1, 2, 3, 4, 5, 6];

    public static string NameKey(int code) => "Status_" + code.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

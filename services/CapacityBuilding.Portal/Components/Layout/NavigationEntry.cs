using CapacityBuilding.ServiceDefaults.Identity;

namespace CapacityBuilding.Portal.Components.Layout;

/// <summary>
/// One entry of the navigation: its title's key in NavigationEntries.resx, where it goes, and
/// the roles it is shown to. Hiding an entry is a convenience: the services decide what a role may do.
/// </summary>
public sealed record NavigationEntry(string TitleKey, string Href, IReadOnlyList<CallerRole> Roles);

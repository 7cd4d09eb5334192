namespace CapacityBuilding.Portal.Components.Pages.Convention;

/// <summary>
/// The Convention pages' shared resource (Resources/Components/Pages/Convention/ConventionStrings.*.resx):
/// the states' statuses toward the Convention, their edit form with its field messages.
/// </summary>
public sealed class ConventionStrings
{
    private ConventionStrings()
    {
    }
}

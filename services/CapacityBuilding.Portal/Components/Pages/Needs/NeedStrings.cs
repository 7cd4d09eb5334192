namespace CapacityBuilding.Portal.Components.Pages.Needs;

/// <summary>
/// The funding-needs pages' shared resource (Resources/Components/Pages/Needs/NeedStrings.*.resx):
/// a request's funding as its page shows it, and the donors' open needs.
/// </summary>
public sealed class NeedStrings
{
    private NeedStrings()
    {
    }
}

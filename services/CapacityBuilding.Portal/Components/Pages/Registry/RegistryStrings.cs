namespace CapacityBuilding.Portal.Components.Pages.Registry;

/// <summary>The public registry's words (Resources/Components/Pages/Registry/RegistryStrings.*.resx), in all six languages.</summary>
public sealed class RegistryStrings
{
    private RegistryStrings()
    {
    }
}

namespace CapacityBuilding.Portal.Localization;

/// <summary>
/// The shared resource (Resources/Localization/CommonStrings.*.resx): the layout's words and
/// those every area uses (Save, Cancel, state names ...). A page's own strings live in its own
/// resource file, so page owners do not edit the same file.
/// </summary>
public sealed class CommonStrings
{
    private CommonStrings()
    {
    }
}

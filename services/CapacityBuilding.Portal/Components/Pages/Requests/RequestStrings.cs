namespace CapacityBuilding.Portal.Components.Pages.Requests;

/// <summary>
/// The request pages' shared resource (Resources/Components/Pages/Requests/RequestStrings.*.resx):
/// the form's labels, hints and field messages (<c>Violation_{field}</c>, read by
/// <see cref="Localization.ServiceErrorMessages"/>), the request page, the timeline and the actions,
/// which several of the area's pages show alike.
/// </summary>
public sealed class RequestStrings
{
    private RequestStrings()
    {
    }
}

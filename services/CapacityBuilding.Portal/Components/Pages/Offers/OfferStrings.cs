namespace CapacityBuilding.Portal.Components.Pages.Offers;

/// <summary>
/// The offer pages' shared resource (Resources/Components/Pages/Offers/OfferStrings.*.resx): the
/// offers list of a request's page, an offer's page with its answers, and the form that makes one,
/// with its field messages (<c>Violation_{field}</c>, read by <see cref="Localization.ServiceErrorMessages"/>).
/// </summary>
public sealed class OfferStrings
{
    private OfferStrings()
    {
    }
}

namespace CapacityBuilding.Portal.Components.Pages.Delivery;

/// <summary>
/// The delivery pages' shared resource (Resources/Components/Pages/Delivery/DeliveryNames.*.resx):
/// the names of an event's kinds (<c>Kind_{KIND}</c>) and states (<c>State_{STATE}</c>) and the
/// event table's headings, which the list, the event and the request page show alike.
/// </summary>
public sealed class DeliveryNames
{
    private DeliveryNames()
    {
    }
}

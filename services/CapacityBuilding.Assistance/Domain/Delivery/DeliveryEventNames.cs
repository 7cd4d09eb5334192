using CapacityBuilding.ServiceDefaults.Resources;

namespace CapacityBuilding.Assistance.Domain.Delivery;

public static class DeliveryEventNames
{
    /// <summary>The training service's delivery events, whose steps a request's history records.</summary>
    public static readonly ResourceName<DeliveryEventName> Event = new("Event", "events/{event}", ids => new(ids[0]));
}

/// <summary><c>events/{event}</c>, of the training service.</summary>
public sealed record DeliveryEventName(string EventId);

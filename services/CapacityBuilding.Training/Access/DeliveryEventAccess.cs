using CapacityBuilding.ServiceDefaults.Identity;
using CapacityBuilding.Training.Domain.Events;

namespace CapacityBuilding.Training.Access;

/// <summary>
/// Ownership of delivery events, after <see cref="TrainingPermissions"/> has let the role in: a
/// member state sees the events of its own country's requests only (the country read from the
/// assistance service when the event was planned); every other role that may call sees all.
/// Callers answer NOT_FOUND for an event the caller may not see, by every path (the event, its
/// evaluations, its summary, its request's summary), so that ids cannot be probed.
/// </summary>
public static class DeliveryEventAccess
{
    public static bool IsVisibleTo(Caller caller, StoredDeliveryEvent deliveryEvent) => IsCountryVisibleTo(caller, deliveryEvent.Country);

    /// <summary>Whether the caller may see what belongs to a request of <paramref name="country"/> (null: unknown).</summary>
    public static bool IsCountryVisibleTo(Caller caller, string? country) => caller.Role != CallerRole.MemberState || country == caller.Country;
}

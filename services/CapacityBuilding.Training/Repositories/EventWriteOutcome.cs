using CapacityBuilding.Training.Domain.Events;

namespace CapacityBuilding.Training.Repositories;

/// <summary>What writing a delivery event came to (the convention: <see cref="ServiceDefaults.Redis.ScriptReply"/>).</summary>
public abstract record EventWriteOutcome
{
    private EventWriteOutcome()
    {
    }

    /// <summary>Written; for a retried create, the event the first call made.</summary>
    public sealed record Written(StoredDeliveryEvent Event) : EventWriteOutcome;

    public sealed record NotFound : EventWriteOutcome;

    public sealed record Stale : EventWriteOutcome;

    /// <summary>The expert is on another event on some of the same days.</summary>
    public sealed record ExpertBooked(string ExpertId, string OtherEventId) : EventWriteOutcome;
}

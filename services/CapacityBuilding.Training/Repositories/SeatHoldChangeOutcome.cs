using CapacityBuilding.Training.Domain.SeatHolds;

namespace CapacityBuilding.Training.Repositories;

/// <summary>What a confirm or release of a seat hold came to (the convention: <see cref="ServiceDefaults.Redis.ScriptReply"/>).</summary>
public abstract record SeatHoldChangeOutcome
{
    private SeatHoldChangeOutcome()
    {
    }

    /// <summary>The hold is in the state asked for, now or already before (the change is idempotent).</summary>
    public sealed record Changed(StoredSeatHold SeatHold) : SeatHoldChangeOutcome;

    public sealed record NotFound : SeatHoldChangeOutcome;

    /// <summary>A confirm of a hold that was released.</summary>
    public sealed record Released(StoredSeatHold SeatHold) : SeatHoldChangeOutcome;
}

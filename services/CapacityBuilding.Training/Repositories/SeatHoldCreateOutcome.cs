using CapacityBuilding.Training.Domain.SeatHolds;

namespace CapacityBuilding.Training.Repositories;

/// <summary>What a seat hold create came to (the convention: <see cref="ServiceDefaults.Redis.ScriptReply"/>).</summary>
public abstract record SeatHoldCreateOutcome
{
    private SeatHoldCreateOutcome()
    {
    }

    /// <summary>Held, now or by an earlier call with the same request id.</summary>
    public sealed record Created(StoredSeatHold SeatHold) : SeatHoldCreateOutcome;

    public sealed record SessionMissing : SeatHoldCreateOutcome;

    /// <summary>The session takes no holds; <paramref name="Status"/> is its stored status.</summary>
    public sealed record SessionNotOpen(string Status) : SeatHoldCreateOutcome;

    /// <summary>Fewer than the seats asked for are free: <paramref name="FreeSeats"/>.</summary>
    public sealed record SeatsUnavailable(int FreeSeats) : SeatHoldCreateOutcome;

    /// <summary>A hold with the id the caller chose exists already.</summary>
    public sealed record IdTaken : SeatHoldCreateOutcome;
}

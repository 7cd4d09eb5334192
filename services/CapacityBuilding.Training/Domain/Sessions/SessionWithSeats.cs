namespace CapacityBuilding.Training.Domain.Sessions;

/// <summary>
/// A session with its seat counts at the time it was read; <paramref name="HeldSeatCount"/> is the
/// unused seats of its HELD and CONFIRMED seat holds, which nobody else may take.
/// </summary>
public sealed record SessionWithSeats(StoredSession Session, int ConfirmedCount, int WaitlistCount, int HeldSeatCount)
{
    public bool HasFreeSeat => ConfirmedCount + HeldSeatCount < Session.SeatCapacity;
}

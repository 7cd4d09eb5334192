namespace CapacityBuilding.Training.Domain.Sessions;

/// <summary>A session with its seat counts at the time it was read.</summary>
public sealed record SessionWithSeats(StoredSession Session, int ConfirmedCount, int WaitlistCount)
{
    public bool HasFreeSeat => ConfirmedCount < Session.SeatCapacity;
}

using CapacityBuilding.Contracts.Training.V1;

namespace CapacityBuilding.Training.Domain.SeatHolds;

/// <summary>
/// A seat hold as stored. The seat scripts (<c>Repositories/Scripts/seats.lua</c>) read and set
/// <see cref="Id"/>, <see cref="SessionId"/>, <see cref="Country"/>, <see cref="Seats"/>,
/// <see cref="SeatsUsed"/>, <see cref="State"/>, <see cref="UpdateTime"/> and <see cref="Etag"/>
/// by these property names.
/// </summary>
public sealed record StoredSeatHold(
    string Id,
    string CourseId,
    string SessionId,
    string Country,
    int Seats,
    int SeatsUsed,
    SeatHold.Types.State State,
    string Offer,
    DateTimeOffset CreateTime,
    DateTimeOffset UpdateTime,
    string Etag)
{
    /// <summary>Seats held and not yet taken by an enrolment: what the hold keeps off the session.</summary>
    public int UnusedSeats => State == SeatHold.Types.State.Released ? 0 : Seats - SeatsUsed;
}

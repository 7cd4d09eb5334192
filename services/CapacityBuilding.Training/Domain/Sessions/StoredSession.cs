using CapacityBuilding.Contracts.Training.V1;

namespace CapacityBuilding.Training.Domain.Sessions;

/// <summary>
/// A session as stored. The Lua scripts read <see cref="CourseId"/>, <see cref="Status"/>,
/// <see cref="SeatCapacity"/> and <see cref="Etag"/> by these property names. Seat counts are not
/// stored here: they are the sizes of the session's confirmed set and waitlist.
/// </summary>
public sealed record StoredSession(
    string Id,
    string CourseId,
    DateTimeOffset StartTime,
    DateTimeOffset EndTime,
    string Location,
    string Language,
    int SeatCapacity,
    SessionStatus Status,
    DateTimeOffset CreateTime,
    DateTimeOffset UpdateTime,
    string Etag);

using CapacityBuilding.Contracts.Training.V1;

namespace CapacityBuilding.Training.Domain.Enrolments;

/// <summary>
/// An enrolment as stored. The enrol and cancel scripts set <see cref="State"/>,
/// <see cref="Arrival"/> and <see cref="UpdateTime"/> and read <see cref="SessionId"/> and
/// <see cref="ParticipantKey"/> by these property names; the seat scripts (<c>seats.lua</c>) read
/// <see cref="Id"/> and <see cref="Nationality"/> and set <see cref="SeatHoldId"/>, the CONFIRMED
/// hold whose seat a confirmed enrolment took (null for a free seat).
/// </summary>
public sealed record StoredEnrolment(
    string Id,
    string CourseId,
    string SessionId,
    string ParticipantName,
    string Email,
    string ParticipantKey,
    string Nationality,
    string Institution,
    string AssistanceRequest,
    EnrolmentState State,
    long Arrival,
    DateTimeOffset CreateTime,
    DateTimeOffset UpdateTime,
    string? SeatHoldId = null);

using CapacityBuilding.Contracts.Training.V1;

namespace CapacityBuilding.Training.Domain.Enrolments;

/// <summary>
/// An enrolment as stored. The enrol and cancel scripts set <see cref="State"/>,
/// <see cref="Arrival"/> and <see cref="UpdateTime"/> and read <see cref="SessionId"/> and
/// <see cref="ParticipantKey"/> by these property names.
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
    DateTimeOffset UpdateTime);

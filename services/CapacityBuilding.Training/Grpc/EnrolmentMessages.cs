using CapacityBuilding.Contracts.Training.V1;
using CapacityBuilding.ServiceDefaults.Resources;
using CapacityBuilding.Training.Domain.Courses;
using CapacityBuilding.Training.Domain.Enrolments;
using Google.Protobuf.WellKnownTypes;

namespace CapacityBuilding.Training.Grpc;

/// <summary>Translates between the stored enrolment and its API message.</summary>
internal static class EnrolmentMessages
{
    /// <summary>A new enrolment; its state and arrival are decided by the enrol script.</summary>
    public static StoredEnrolment ToNewStoredEnrolment(this Enrolment message, string courseId, string sessionId, DateTimeOffset now) => new(
        Id: ResourceIds.New(),
        CourseId: courseId,
        SessionId: sessionId,
        ParticipantName: message.ParticipantName.Trim(),
        Email: message.Email.Trim(),
        ParticipantKey: EnrolmentValidator.ParticipantKeyOf(message.Email),
        Nationality: message.Nationality,
        Institution: message.Institution.Trim(),
        AssistanceRequest: message.AssistanceRequest,
        State: EnrolmentState.Unspecified,
        Arrival: 0,
        CreateTime: now,
        UpdateTime: now);

    public static Enrolment ToMessage(this EnrolmentWithPosition enrolment) => enrolment.Enrolment.ToMessage(enrolment.WaitlistPosition);

    public static Enrolment ToMessage(this StoredEnrolment enrolment, int waitlistPosition = 0) => new()
    {
        Name = CourseNames.Enrolment.Format(enrolment.CourseId, enrolment.SessionId, enrolment.Id),
        ParticipantName = enrolment.ParticipantName,
        Email = enrolment.Email,
        Nationality = enrolment.Nationality,
        Institution = enrolment.Institution,
        AssistanceRequest = enrolment.AssistanceRequest,
        State = enrolment.State,
        WaitlistPosition = waitlistPosition,
        Arrival = enrolment.Arrival,
        CreateTime = Timestamp.FromDateTimeOffset(enrolment.CreateTime),
        UpdateTime = Timestamp.FromDateTimeOffset(enrolment.UpdateTime),
        SeatHold = enrolment.State == EnrolmentState.Confirmed && enrolment.SeatHoldId is { } hold
            ? CourseNames.SeatHold.Format(enrolment.CourseId, enrolment.SessionId, hold)
            : "",
    };
}

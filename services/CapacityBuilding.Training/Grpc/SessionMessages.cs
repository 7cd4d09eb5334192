using CapacityBuilding.Contracts.Training.V1;
using CapacityBuilding.ServiceDefaults.FieldMasks;
using CapacityBuilding.ServiceDefaults.Resources;
using CapacityBuilding.Training.Domain.Courses;
using CapacityBuilding.Training.Domain.Sessions;
using Google.Protobuf.WellKnownTypes;

namespace CapacityBuilding.Training.Grpc;

/// <summary>Translates between the stored session and its API message.</summary>
internal static class SessionMessages
{
    /// <summary>The fields UpdateSession may change, as update mask paths.</summary>
    public static readonly UpdatableFields<Session> UpdatableFields = new(["start_time", "end_time", "location", "status"]);

    public static StoredSession ToNewStoredSession(this Session message, string courseId, DateTimeOffset now) => new(
        Id: ResourceIds.New(),
        CourseId: courseId,
        StartTime: message.StartTime.ToDateTimeOffset(),
        EndTime: message.EndTime.ToDateTimeOffset(),
        Location: message.Location.Trim(),
        Language: message.Language,
        SeatCapacity: message.SeatCapacity,
        Status: SessionStatus.Scheduled,
        CreateTime: now,
        UpdateTime: now,
        Etag: Etags.New());

    public static StoredSession ToUpdatedStoredSession(this Session updated, StoredSession current, DateTimeOffset now) => current with
    {
        StartTime = updated.StartTime.ToDateTimeOffset(),
        EndTime = updated.EndTime.ToDateTimeOffset(),
        Location = updated.Location.Trim(),
        Status = updated.Status,
        UpdateTime = now,
        Etag = Etags.New(),
    };

    public static Session ToMessage(this SessionWithSeats seats) => seats.Session.ToMessage(seats.ConfirmedCount, seats.WaitlistCount, seats.HeldSeatCount);

    public static Session ToMessage(this StoredSession session, int confirmedCount, int waitlistCount, int heldSeatCount) => new()
    {
        Name = CourseNames.Session.Format(session.CourseId, session.Id),
        StartTime = Timestamp.FromDateTimeOffset(session.StartTime),
        EndTime = Timestamp.FromDateTimeOffset(session.EndTime),
        Location = session.Location,
        Language = session.Language,
        SeatCapacity = session.SeatCapacity,
        Status = session.Status,
        ConfirmedCount = confirmedCount,
        WaitlistCount = waitlistCount,
        HeldSeatCount = heldSeatCount,
        CreateTime = Timestamp.FromDateTimeOffset(session.CreateTime),
        UpdateTime = Timestamp.FromDateTimeOffset(session.UpdateTime),
        Etag = session.Etag,
    };
}

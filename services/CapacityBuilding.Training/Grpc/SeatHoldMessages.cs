using CapacityBuilding.Contracts.Training.V1;
using CapacityBuilding.ServiceDefaults.Resources;
using CapacityBuilding.Training.Domain.Courses;
using CapacityBuilding.Training.Domain.SeatHolds;
using Google.Protobuf.WellKnownTypes;

namespace CapacityBuilding.Training.Grpc;

/// <summary>Translates between the stored seat hold and its API message.</summary>
internal static class SeatHoldMessages
{
    /// <summary>A new hold: HELD, nothing used yet; the create script decides whether the seats are free.</summary>
    public static StoredSeatHold ToNewStoredSeatHold(this CreateSeatHoldRequest request, SessionName session, DateTimeOffset now) => new(
        Id: request.SeatHoldId.Length > 0 ? request.SeatHoldId : ResourceIds.New(),
        CourseId: session.CourseId,
        SessionId: session.SessionId,
        Country: request.SeatHold.Country,
        Seats: request.SeatHold.Seats,
        SeatsUsed: 0,
        State: SeatHold.Types.State.Held,
        Offer: request.SeatHold.Offer,
        CreateTime: now,
        UpdateTime: now,
        Etag: Etags.New());

    public static SeatHold ToMessage(this StoredSeatHold hold) => new()
    {
        Name = CourseNames.SeatHold.Format(hold.CourseId, hold.SessionId, hold.Id),
        Country = hold.Country,
        Seats = hold.Seats,
        SeatsUsed = hold.SeatsUsed,
        State = hold.State,
        Offer = hold.Offer,
        CreateTime = Timestamp.FromDateTimeOffset(hold.CreateTime),
        UpdateTime = Timestamp.FromDateTimeOffset(hold.UpdateTime),
        Etag = hold.Etag,
    };
}

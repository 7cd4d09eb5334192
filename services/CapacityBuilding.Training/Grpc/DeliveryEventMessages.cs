using CapacityBuilding.Contracts.Training.V1;
using CapacityBuilding.ServiceDefaults.FieldMasks;
using CapacityBuilding.ServiceDefaults.Resources;
using CapacityBuilding.ServiceDefaults.Validation;
using CapacityBuilding.Training.Domain.Courses;
using CapacityBuilding.Training.Domain.Events;
using Google.Protobuf.WellKnownTypes;

namespace CapacityBuilding.Training.Grpc;

/// <summary>Translates between the stored delivery event and its API message.</summary>
internal static class DeliveryEventMessages
{
    /// <summary>The fields UpdateDeliveryEvent may change, as update mask paths.</summary>
    public static readonly UpdatableFields<DeliveryEvent> UpdatableFields = new(
    [
        "title", "host_institution", "start_date", "end_date", "location", "online", "experts", "participants",
    ]);

    /// <summary>The only field a delivered event may still change.</summary>
    public const string ParticipantsPath = "participants";

    public static StoredDeliveryEvent ToNewStoredEvent(this DeliveryEvent message, string requestId, string country, DateTimeOffset now) => new(
        Id: ResourceIds.New(),
        Kind: message.Kind,
        RequestId: requestId,
        Country: country,
        Title: message.Title.Trim(),
        HostInstitution: message.HostInstitution.Trim(),
        Days: DeliveryEventValidator.DaysOf(message),
        Location: message.Location.Trim(),
        Online: message.Online,
        ExpertIds: DeliveryEventValidator.ExpertIdsOf(message),
        Participants: message.Participants?.ToStored(),
        State: DeliveryEvent.Types.State.Planned,
        CancelReason: "",
        Steps: [new EventStep(EventLifecycle.Plan, "", now)],
        CreateTime: now,
        UpdateTime: now,
        Etag: Etags.New());

    /// <summary>The stored form of a validated, updated message: new etag and update time.</summary>
    public static StoredDeliveryEvent ToUpdatedStoredEvent(this DeliveryEvent updated, StoredDeliveryEvent current, DateTimeOffset now) => current with
    {
        Title = updated.Title.Trim(),
        HostInstitution = updated.HostInstitution.Trim(),
        Days = DeliveryEventValidator.DaysOf(updated),
        Location = updated.Location.Trim(),
        Online = updated.Online,
        ExpertIds = DeliveryEventValidator.ExpertIdsOf(updated),
        Participants = updated.Participants?.ToStored(),
        UpdateTime = now,
        Etag = Etags.New(),
    };

    /// <summary>The event after a step of its life, with the step to record on the request's history.</summary>
    public static StoredDeliveryEvent After(this StoredDeliveryEvent current, EventLifecycle.Transition step, string reason, DateTimeOffset now) => current with
    {
        State = step.To,
        CancelReason = step == EventLifecycle.Cancel ? reason : current.CancelReason,
        Steps = [.. current.Steps, new EventStep(step.Action, reason, now)],
        UpdateTime = now,
        Etag = Etags.New(),
    };

    public static DeliveryEvent ToMessage(this StoredDeliveryEvent stored, HistorySync sync) => new()
    {
        Name = CourseNames.DeliveryEvent.Format(stored.Id),
        Kind = stored.Kind,
        AssistanceRequest = CourseNames.AssistanceRequest.Format(stored.RequestId),
        RequestingState = stored.Country,
        Title = stored.Title,
        HostInstitution = stored.HostInstitution,
        StartDate = CalendarDates.ToMessage(stored.Days.Start),
        EndDate = CalendarDates.ToMessage(stored.Days.End),
        Location = stored.Location,
        Online = stored.Online,
        Experts = { stored.ExpertIds.Select(id => CourseNames.Expert.Format(id)) },
        Participants = stored.Participants?.ToMessage(),
        State = stored.State,
        CancelReason = stored.CancelReason,
        UnrecordedSteps = Math.Max(0, stored.Steps.Count - sync.RecordedSteps),
        HistorySync = sync.ToMessage(stored.Steps.Count),
        CreateTime = Timestamp.FromDateTimeOffset(stored.CreateTime),
        UpdateTime = Timestamp.FromDateTimeOffset(stored.UpdateTime),
        Etag = stored.Etag,
    };

    private static DeliveryEvent.Types.HistorySync ToMessage(this HistorySync sync, int steps) => new()
    {
        State = sync.RecordedSteps >= steps ? DeliveryEvent.Types.HistorySync.Types.State.Recorded
            : sync.Parked ? DeliveryEvent.Types.HistorySync.Types.State.Parked
            : DeliveryEvent.Types.HistorySync.Types.State.Retrying,
        Attempts = sync.Attempts,
        FailureReason = sync.FailureReason,
        FailureTime = sync.FailureTime is { } failed ? Timestamp.FromDateTimeOffset(failed) : null,
        NextRetryTime = sync.NextRetryTime is { } due && !sync.Parked ? Timestamp.FromDateTimeOffset(due) : null,
    };

    private static StoredParticipants ToStored(this ParticipantCounts counts) =>
        new(counts.Women, counts.Men, counts.OtherOrUndisclosed, [.. counts.ByRole.Select(role => new StoredRoleCount(role.Role, role.Count))]);

    private static ParticipantCounts ToMessage(this StoredParticipants participants) => new()
    {
        Women = participants.Women,
        Men = participants.Men,
        OtherOrUndisclosed = participants.OtherOrUndisclosed,
        ByRole = { participants.ByRole.Select(role => new RoleCount { Role = role.Role, Count = role.Count }) },
        Total = participants.Total,
    };
}

using CapacityBuilding.Contracts.Common.V1;
using CapacityBuilding.Training.Domain.Calendar;
using HistoryAction = CapacityBuilding.Contracts.Assistance.V1.HistoryEntry.Types.Action;
using State = CapacityBuilding.Contracts.Training.V1.DeliveryEvent.Types.State;
using Kind = CapacityBuilding.Contracts.Training.V1.DeliveryEvent.Types.Kind;

namespace CapacityBuilding.Training.Domain.Events;

/// <summary>
/// A delivery event as stored. The Lua scripts read <see cref="Etag"/>, <see cref="State"/>,
/// <see cref="Days"/> and <see cref="Steps"/> by these property names. <see cref="Steps"/> is
/// every step of its life, oldest first, each to be recorded on the request's history.
/// </summary>
public sealed record StoredDeliveryEvent(
    string Id,
    Kind Kind,
    string RequestId,
    string Country,
    string Title,
    string HostInstitution,
    DayRange Days,
    string Location,
    bool Online,
    IReadOnlyList<string> ExpertIds,
    StoredParticipants? Participants,
    State State,
    string CancelReason,
    IReadOnlyList<EventStep> Steps,
    DateTimeOffset CreateTime,
    DateTimeOffset UpdateTime,
    string Etag);

/// <summary>One step of an event's life, for the request's history.</summary>
public sealed record EventStep(HistoryAction Action, string Reason, DateTimeOffset Time);

/// <summary>Who took part, by sex and by role.</summary>
public sealed record StoredParticipants(int Women, int Men, int OtherOrUndisclosed, IReadOnlyList<StoredRoleCount> ByRole)
{
    public int Total => Women + Men + OtherOrUndisclosed;
}

/// <summary>How many participants held one role.</summary>
public sealed record StoredRoleCount(TargetAudience Role, int Count);

using Action = CapacityBuilding.Contracts.Assistance.V1.HistoryEntry.Types.Action;
using State = CapacityBuilding.Contracts.Assistance.V1.AssistanceRequest.Types.State;

namespace CapacityBuilding.Assistance.Domain.History;

/// <summary>What one history entry says; its hash covers exactly these fields.</summary>
public sealed record HistoryEntryContent(
    long Sequence,
    string Actor,
    DateTimeOffset Time,
    Action Action,
    State FromState,
    State ToState,
    string Reason,
    string PreviousHash);

/// <summary>A history entry as stored: its content and the SHA-256 of that content.</summary>
public sealed record StoredHistoryEntry(
    long Sequence,
    string Actor,
    DateTimeOffset Time,
    Action Action,
    State FromState,
    State ToState,
    string Reason,
    string PreviousHash,
    string Hash)
{
    public HistoryEntryContent Content => new(Sequence, Actor, Time, Action, FromState, ToState, Reason, PreviousHash);
}

using Action = CapacityBuilding.Contracts.Assistance.V1.HistoryEntry.Types.Action;
using State = CapacityBuilding.Contracts.Assistance.V1.AssistanceRequest.Types.State;

namespace CapacityBuilding.Assistance.Domain.History;

/// <summary>
/// What a history entry of the current chain version says; its hash covers exactly these fields,
/// among them the request's name and the digest of the request after the change
/// (<see cref="RequestDigest"/>), so neither an entry moved to another request nor a request
/// edited behind the history verifies.
/// </summary>
public sealed record HistoryEntryContent(
    int ChainVersion,
    string Resource,
    long Sequence,
    string Actor,
    DateTimeOffset Time,
    Action Action,
    State FromState,
    State ToState,
    string Reason,
    IReadOnlyList<string> ChangedFields,
    string ContentDigest,
    string PreviousHash);

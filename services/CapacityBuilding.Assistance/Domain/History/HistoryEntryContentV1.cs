using Action = CapacityBuilding.Contracts.Assistance.V1.HistoryEntry.Types.Action;
using State = CapacityBuilding.Contracts.Assistance.V1.AssistanceRequest.Types.State;

namespace CapacityBuilding.Assistance.Domain.History;

/// <summary>What a version 1 entry's hash covers (entries written before content digests); kept to verify them.</summary>
public sealed record HistoryEntryContentV1(
    long Sequence,
    string Actor,
    DateTimeOffset Time,
    Action Action,
    State FromState,
    State ToState,
    string Reason,
    string PreviousHash);

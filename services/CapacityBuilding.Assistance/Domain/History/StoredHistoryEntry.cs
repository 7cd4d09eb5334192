using System.Text.Json.Serialization;
using Action = CapacityBuilding.Contracts.Assistance.V1.HistoryEntry.Types.Action;
using State = CapacityBuilding.Contracts.Assistance.V1.AssistanceRequest.Types.State;

namespace CapacityBuilding.Assistance.Domain.History;

/// <summary>
/// A history entry as stored: what it says and the SHA-256 of that (see <see cref="HistoryChain"/>).
/// Entries written before content digests have no <see cref="ChainVersion"/>, <see cref="Resource"/>,
/// <see cref="ContentDigest"/> or <see cref="ChangedFields"/> in their JSON and read as version 1.
/// </summary>
public sealed record StoredHistoryEntry(
    long Sequence,
    string Actor,
    DateTimeOffset Time,
    Action Action,
    State FromState,
    State ToState,
    string Reason,
    string PreviousHash,
    string Hash,
    int ChainVersion = HistoryChain.FirstVersion,
    string Resource = "",
    string ContentDigest = "",
    IReadOnlyList<string>? ChangedFields = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Subject = null);

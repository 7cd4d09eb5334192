using System.Text.Json.Serialization;
using Action = CapacityBuilding.Contracts.Assistance.V1.HistoryEntry.Types.Action;
using State = CapacityBuilding.Contracts.Assistance.V1.AssistanceRequest.Types.State;

namespace CapacityBuilding.Assistance.Domain.History;

/// <summary>
/// What a history entry of the current chain version says; its hash covers exactly these fields,
/// among them the request's name and the digest of the request after the change
/// (<see cref="RequestDigest"/>), so neither an entry moved to another request nor a request
/// edited behind the history verifies. <see cref="Subject"/> (an offer, event or outcome the entry is
/// about) is left out of the JSON when null, so entries without one hash as they did before it existed.
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
    string PreviousHash,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Subject = null);

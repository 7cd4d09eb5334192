using Action = CapacityBuilding.Contracts.Assistance.V1.HistoryEntry.Types.Action;
using State = CapacityBuilding.Contracts.Assistance.V1.AssistanceRequest.Types.State;

namespace CapacityBuilding.Assistance.Domain.History;

/// <summary>Who did what to a request, when and why: the parts of a history entry that come from the change itself.</summary>
/// <param name="Subject">The offer, event or outcome the change is about, when it is not the request itself.</param>
public sealed record HistoryEntryFacts(string Actor, DateTimeOffset Time, Action Action, State FromState, string Reason, IReadOnlyList<string> ChangedFields,
    string? Subject = null);

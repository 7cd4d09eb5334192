using Action = CapacityBuilding.Contracts.Assistance.V1.HistoryEntry.Types.Action;
using State = CapacityBuilding.Contracts.Assistance.V1.AssistanceRequest.Types.State;

namespace CapacityBuilding.Contracts.Lifecycle;

/// <summary>One action on an assistance request and the state it leaves the request in.</summary>
public sealed record LifecycleStep(Action Action, State After);

using HistoryAction = CapacityBuilding.Contracts.Assistance.V1.HistoryEntry.Types.Action;
using State = CapacityBuilding.Contracts.Training.V1.DeliveryEvent.Types.State;

namespace CapacityBuilding.Training.Domain.Events;

/// <summary>
/// An event's life: PLANNED -> CONFIRMED -> DELIVERED, and PLANNED or CONFIRMED -> CANCELLED. Each
/// step names the history action that records it on the request.
/// </summary>
public static class EventLifecycle
{
    public sealed record Transition(string Verb, IReadOnlyList<State> From, State To, HistoryAction Action);

    public static readonly Transition Confirm = new("confirmed", [State.Planned], State.Confirmed, HistoryAction.EventConfirm);

    public static readonly Transition Complete = new("delivered", [State.Confirmed], State.Delivered, HistoryAction.EventDeliver);

    public static readonly Transition Cancel = new("cancelled", [State.Planned, State.Confirmed], State.Cancelled, HistoryAction.EventCancel);

    /// <summary>The action recording an event's creation, PLANNED.</summary>
    public const HistoryAction Plan = HistoryAction.EventPlan;

    /// <summary>Whether the event's experts and dates may still change (cancelled and delivered ones keep what they had).</summary>
    public static bool IsOpen(State state) => state is State.Planned or State.Confirmed;
}

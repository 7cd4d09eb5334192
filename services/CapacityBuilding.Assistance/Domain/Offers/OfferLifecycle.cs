using System.Collections.Frozen;
using Action = CapacityBuilding.Contracts.Assistance.V1.HistoryEntry.Types.Action;
using State = CapacityBuilding.Contracts.Assistance.V1.Offer.Types.State;

namespace CapacityBuilding.Assistance.Domain.Offers;

/// <summary>
/// The one statement of an offer's lifecycle: which state may follow which, the history action
/// that records each step, and which final states give the hold back. Open and accepting offers
/// are unresolved: their request can be neither withdrawn nor completed.
/// </summary>
public static class OfferLifecycle
{
    private static readonly FrozenSet<(State From, State To)> Moves = new[]
    {
        (State.Open, State.Accepting),
        (State.Accepting, State.Accepted),
        (State.Accepting, State.Lapsed),
        (State.Open, State.Declined),
        (State.Open, State.Withdrawn),
        (State.Open, State.Expired),
    }.ToFrozenSet();

    public static bool Allows(State from, State to) => Moves.Contains((from, to));

    /// <summary>Open or accepting: the offer still holds what it proposes and may yet take effect.</summary>
    public static bool IsUnresolved(State state) => state is State.Open or State.Accepting;

    /// <summary>Final states in which the offer did not take effect, so its hold goes back.</summary>
    public static bool ReleasesHold(State state) => state is State.Declined or State.Withdrawn or State.Expired or State.Lapsed;

    /// <summary>
    /// The history action recording the move into <paramref name="state"/>; null for the move to
    /// ACCEPTING, which the request's history records when it ends (accepted or lapsed).
    /// </summary>
    public static Action? HistoryActionOf(State state) => state switch
    {
        State.Open => Action.OfferCreate,
        State.Accepted => Action.OfferAccept,
        State.Declined => Action.OfferDecline,
        State.Withdrawn => Action.OfferWithdraw,
        State.Expired => Action.OfferExpire,
        State.Lapsed => Action.OfferLapse,
        _ => null,
    };

    /// <summary>The state as the proto names it, e.g. STATE_OPEN.</summary>
    public static string NameOf(State state) =>
        StateDescriptor.FindValueByNumber((int)state)?.Name ?? state.ToString();

    private static readonly Google.Protobuf.Reflection.EnumDescriptor StateDescriptor =
        Contracts.Assistance.V1.Offer.Descriptor.EnumTypes.Single(type => type.Name == "State");
}

using State = CapacityBuilding.Contracts.Assistance.V1.AssistanceRequest.Types.State;

namespace CapacityBuilding.Assistance.Domain.Results;

/// <summary>When a request's results may change, and what a completion requires of them.</summary>
public static class ResultsRules
{
    /// <summary>Outcomes a request holds at most: a handful of results, each measured by a few indicators.</summary>
    public const int MaxOutcomes = 10;

    /// <summary>Outcomes are written until the request is final (completed, rejected or withdrawn).</summary>
    public static bool MayChangeIn(State state) => state is not (State.Completed or State.Rejected or State.Withdrawn);

    /// <summary>
    /// Actuals are what delivery achieved: measured once the request is approved, and while it is
    /// suspended too (a pause stops the work, not the measuring of what it achieved).
    /// </summary>
    public static bool MayHaveActualsIn(State state) => state is State.Approved or State.InDelivery or State.Suspended;

    /// <summary>
    /// The indicators a completion still waits for, as <c>{outcome}.indicators[{i}]</c>: those of
    /// <paramref name="outcomes"/> without an actual.
    /// </summary>
    public static IReadOnlyList<string> IndicatorsWithoutActuals(string requestId, IEnumerable<StoredOutcome> outcomes) =>
    [
        .. outcomes.SelectMany(outcome => outcome.Indicators
            .Select((indicator, index) => (indicator, index))
            .Where(pair => pair.indicator.Actuals.Count == 0)
            .Select(pair => $"{OutcomeNames.Outcome.Format(requestId, outcome.Id)}.indicators[{pair.index}]")),
    ];
}

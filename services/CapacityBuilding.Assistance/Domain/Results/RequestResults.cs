using System.Globalization;
using CapacityBuilding.Assistance.Access;
using CapacityBuilding.Assistance.Domain.History;
using CapacityBuilding.Assistance.Domain.Requests;
using CapacityBuilding.Assistance.Repositories;
using CapacityBuilding.ServiceDefaults.Errors;
using CapacityBuilding.ServiceDefaults.Identity;
using CapacityBuilding.ServiceDefaults.Redis;
using CapacityBuilding.ServiceDefaults.Resources;
using Action = CapacityBuilding.Contracts.Assistance.V1.HistoryEntry.Types.Action;

namespace CapacityBuilding.Assistance.Domain.Results;

/// <summary>
/// The results of requests: outcomes written with an ACTION_RESULTS_UPDATE entry on the request's
/// history (its subject the outcome) in one conditional write, and the check a completion makes.
/// A write is computed on the request as read and stored only over that version; when another
/// change got in first it is computed again (an outcome's etag, when the caller sent one, still
/// decides whether the caller's edit is stale).
/// </summary>
public sealed class RequestResults(RedisAssistanceRequestRepository requests, RedisOutcomeRepository outcomes, RequestAccess access,
    ApiErrors errors, TimeProvider clock)
{
    private const int MaxAttempts = 5;

    public Task<StoredOutcome?> GetAsync(OutcomeName name) => outcomes.GetAsync(name.RequestId, name.OutcomeId);

    public Task<(IReadOnlyList<StoredOutcome> Items, string? LastId)> ListAsync(string requestId, int pageSize, string? afterId) =>
        outcomes.ListAsync(requestId, pageSize, afterId);

    /// <summary>Stores <paramref name="outcome"/> on the request <paramref name="parent"/>, or returns the one an earlier create with the same request id stored.</summary>
    public async Task<StoredOutcome> CreateAsync(string parent, StoredOutcome outcome, Caller caller, IdempotentCreate? create)
    {
        var name = OutcomeNames.Outcome.Format(outcome.RequestId, outcome.Id);
        for (var attempt = 1; ; attempt++)
        {
            var current = await ReadRequestAsync(parent, outcome.RequestId, caller);
            if (await outcomes.EarlierCreateAsync(create) is { } earlierId)
            {
                return await EarlierAsync(outcome.RequestId, earlierId, caller, current);
            }

            EnsureMayWrite(parent, current, outcome);
            if ((await outcomes.AllAsync(outcome.RequestId)).Count >= ResultsRules.MaxOutcomes)
            {
                throw errors.FailedPrecondition(ErrorReasons.OutcomeLimitReached, $"{parent} has {ResultsRules.MaxOutcomes} outcomes, as many as a request may hold; update one of them instead.",
                    new Dictionary<string, string> { ["max_outcomes"] = ResultsRules.MaxOutcomes.ToString(CultureInfo.InvariantCulture) });
            }

            var (updated, entry) = Entry(parent, current, caller, name, []);
            switch (await outcomes.CreateAsync(current, updated, entry, outcome, create))
            {
                case OutcomeWriteOutcome.Written written:
                    return written.Outcome;
                case OutcomeWriteOutcome.Existing existing:
                    return await EarlierAsync(outcome.RequestId, existing.OutcomeId, caller, current);
                case OutcomeWriteOutcome.NotFound:
                    throw errors.NotFound(AssistanceRequestNames.Request.ResourceType, parent);
                case OutcomeWriteOutcome.RequestStale when attempt >= MaxAttempts:
                    throw errors.StaleEtag(parent);
            }
        }
    }

    /// <param name="expectedEtag">The outcome's etag the caller sent; empty for an unconditional change.</param>
    /// <param name="changedFields">The update mask's paths, recorded in the entry.</param>
    /// <param name="edit">Makes the new version from the stored one; may throw to refuse it.</param>
    public async Task<StoredOutcome> UpdateAsync(string name, OutcomeName parts, string expectedEtag, IReadOnlyList<string> changedFields, Caller caller,
        Func<StoredOutcome, StoredOutcome> edit)
    {
        var parent = AssistanceRequestNames.Request.Format(parts.RequestId);
        for (var attempt = 1; ; attempt++)
        {
            var current = await ReadRequestAsync(parent, parts.RequestId, caller);
            var stored = await outcomes.GetAsync(parts.RequestId, parts.OutcomeId) ?? throw errors.NotFound(OutcomeNames.Outcome.ResourceType, name);
            if (Etags.IsStale(expectedEtag, stored.Etag))
            {
                throw errors.StaleEtag(name);
            }

            var changed = edit(stored) with { UpdateTime = clock.GetUtcNow(), Etag = Etags.New() };
            EnsureMayWrite(parent, current, changed);
            var (updated, entry) = Entry(parent, current, caller, name, changedFields);
            switch (await outcomes.ReplaceAsync(current, updated, entry, changed, stored.Etag))
            {
                case OutcomeWriteOutcome.Written written:
                    return written.Outcome;
                case OutcomeWriteOutcome.NotFound:
                    throw errors.NotFound(OutcomeNames.Outcome.ResourceType, name);
                case OutcomeWriteOutcome.OutcomeStale when expectedEtag.Length > 0:
                    throw errors.StaleEtag(name);
                case OutcomeWriteOutcome.RequestStale or OutcomeWriteOutcome.OutcomeStale when attempt >= MaxAttempts:
                    throw errors.StaleEtag(name);
            }
        }
    }

    /// <summary>
    /// FAILED_PRECONDITION RESULTS_NOT_REPORTED unless the request has an outcome and every
    /// indicator an actual; the metadata says what is missing (<c>missing</c>: <c>outcomes</c> or
    /// <c>actuals</c>, and <c>indicators_without_actuals</c>).
    /// </summary>
    public async Task EnsureReportedAsync(string name, StoredAssistanceRequest request)
    {
        var all = await outcomes.AllAsync(request.Id);
        if (all.Count == 0)
        {
            throw errors.FailedPrecondition(ErrorReasons.ResultsNotReported,
                $"{name} cannot be completed before its results are reported: it has no outcome. Add its outcomes and their indicators' actuals first.",
                new Dictionary<string, string> { ["missing"] = "outcomes" });
        }

        var unmeasured = ResultsRules.IndicatorsWithoutActuals(request.Id, all);
        if (unmeasured.Count > 0)
        {
            throw errors.FailedPrecondition(ErrorReasons.ResultsNotReported,
                $"{name} cannot be completed before its results are reported: {unmeasured.Count} indicators have no actual value yet ({string.Join(", ", unmeasured)}).",
                new Dictionary<string, string> { ["missing"] = "actuals", ["indicators_without_actuals"] = string.Join(',', unmeasured) });
        }
    }

    private async Task<StoredAssistanceRequest> ReadRequestAsync(string parent, string requestId, Caller caller)
    {
        var current = await requests.GetAsync(requestId) ?? throw errors.NotFound(AssistanceRequestNames.Request.ResourceType, parent);
        access.EnsureMayAccess(caller, current, parent);
        return current;
    }

    private async Task<StoredOutcome> EarlierAsync(string requestId, string outcomeId, Caller caller, StoredAssistanceRequest request) =>
        IdempotentCreate.Answer(await outcomes.GetAsync(requestId, outcomeId), RequestAccess.MayRead(caller, request))
        ?? throw new InvalidOperationException($"An idempotency key points at missing outcome {outcomeId} of request {requestId}.");

    private void EnsureMayWrite(string parent, StoredAssistanceRequest request, StoredOutcome outcome)
    {
        if (!ResultsRules.MayChangeIn(request.State))
        {
            throw errors.InvalidState($"Outcomes change until a request is final; {parent} is {ActionNames.Of(request.State)}.",
                request.State.ToString(), Action.ResultsUpdate.ToString());
        }

        if (!ResultsRules.MayHaveActualsIn(request.State) && outcome.Indicators.Any(indicator => indicator.Actuals.Count > 0))
        {
            throw errors.InvalidState($"Actuals are measured during delivery, once a request is approved; {parent} is {ActionNames.Of(request.State)}.",
                request.State.ToString(), Action.ResultsUpdate.ToString());
        }
    }

    private (StoredAssistanceRequest Updated, StoredHistoryEntry Entry) Entry(string parent, StoredAssistanceRequest current, Caller caller, string outcome,
        IReadOnlyList<string> changedFields) =>
        SubjectEntry.Append(parent, current, new HistoryEntryFacts(caller.Subject, clock.GetUtcNow(), Action.ResultsUpdate, current.State, "", changedFields, outcome));
}

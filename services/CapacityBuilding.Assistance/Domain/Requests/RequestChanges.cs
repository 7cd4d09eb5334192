using CapacityBuilding.Assistance.Access;
using CapacityBuilding.Assistance.Domain.History;
using CapacityBuilding.Assistance.Domain.Offers;
using CapacityBuilding.Assistance.Repositories;
using CapacityBuilding.Contracts.Lifecycle;
using CapacityBuilding.ServiceDefaults.Errors;
using CapacityBuilding.ServiceDefaults.Identity;
using CapacityBuilding.ServiceDefaults.Redis;
using CapacityBuilding.ServiceDefaults.Resources;
using Action = CapacityBuilding.Contracts.Assistance.V1.HistoryEntry.Types.Action;
using State = CapacityBuilding.Contracts.Assistance.V1.AssistanceRequest.Types.State;

namespace CapacityBuilding.Assistance.Domain.Requests;

/// <summary>
/// Applies one action to a stored request: checks it against <see cref="AssistanceRequestLifecycle"/>,
/// builds the new version and its history entry, and writes both in one conditional write. When
/// another change got in first, a caller that sent no etag gets the change re-evaluated on the new
/// version (which may now refuse it); a caller that sent one gets ABORTED.
/// </summary>
public sealed class RequestChanges(RedisAssistanceRequestRepository requests, RequestAccess access, ApiErrors errors, TimeProvider clock, OpenOffers openOffers)
{
    private const int MaxAttempts = 5;

    /// <param name="caller">Recorded as the actor; a member state may change only its own country's requests.</param>
    /// <param name="changedFields">The update mask's paths for an update, recorded in the entry; empty for lifecycle actions.</param>
    /// <param name="edit">Makes the new version from the current one (already allowed by the lifecycle); may throw to refuse it.</param>
    /// <param name="beforeWrite">Runs on the current version once the change is allowed and just before it is written, on
    /// every attempt; may throw to refuse it (a withdrawal closes the request to funding here).</param>
    public async Task<StoredAssistanceRequest> ApplyAsync(string name, string id, string expectedEtag, Action action, Caller caller, string reason,
        IReadOnlyList<string> changedFields, Func<StoredAssistanceRequest, StoredAssistanceRequest> edit,
        Func<StoredAssistanceRequest, Task>? beforeWrite = null)
    {
        for (var attempt = 1; ; attempt++)
        {
            var current = await requests.GetAsync(id) ?? throw errors.NotFound(AssistanceRequestNames.Request.ResourceType, name);
            access.EnsureMayAccess(caller, current, name);
            if (Etags.IsStale(expectedEtag, current.Etag))
            {
                throw errors.StaleEtag(name);
            }

            var next = AssistanceRequestLifecycle.Next(current.State, action, current.SuspendedFrom ?? State.Unspecified)
                ?? throw errors.InvalidState(
                    $"Cannot {ActionNames.Verb(action)} {name}: it is {ActionNames.Of(current.State)}.", current.State.ToString(), action.ToString());

            var now = clock.GetUtcNow();
            var edited = edit(current) with { State = next, UpdateTime = now, Etag = Etags.New() };
            var entry = HistoryChain.Record(name, current.HistoryLength, current.HistoryHead, edited,
                new HistoryEntryFacts(caller.Subject, now, action, current.State, reason, changedFields));
            var updated = edited with { HistoryLength = entry.Sequence, HistoryHead = entry.Hash };
            if (OpenOffers.Blocks(action))
            {
                await openOffers.EnsureNoneAsync(name, id);
            }

            if (beforeWrite is not null)
            {
                await beforeWrite(current);
            }

            switch (await requests.ReplaceAsync(current, updated, entry))
            {
                case ReplaceOutcome<StoredAssistanceRequest>.Replaced replaced:
                    return replaced.Document;
                case ReplaceOutcome<StoredAssistanceRequest>.NotFound:
                    throw errors.NotFound(AssistanceRequestNames.Request.ResourceType, name);
                case ReplaceOutcome<StoredAssistanceRequest>.Stale when expectedEtag.Length > 0:
                    throw errors.StaleEtag(name);
                case ReplaceOutcome<StoredAssistanceRequest>.Stale when attempt >= MaxAttempts:
                    throw errors.StaleEtag(name);
            }
        }
    }

    /// <summary>Changes a request without a lifecycle action or history entry (the course proposal), retrying on conflicts.</summary>
    public async Task<StoredAssistanceRequest> AmendAsync(string name, string id, Func<StoredAssistanceRequest, StoredAssistanceRequest> edit)
    {
        for (var attempt = 1; ; attempt++)
        {
            var current = await requests.GetAsync(id) ?? throw errors.NotFound(AssistanceRequestNames.Request.ResourceType, name);
            var updated = edit(current) with { UpdateTime = clock.GetUtcNow(), Etag = Etags.New() };
            switch (await requests.ReplaceAsync(current, updated, null))
            {
                case ReplaceOutcome<StoredAssistanceRequest>.Replaced replaced:
                    return replaced.Document;
                case ReplaceOutcome<StoredAssistanceRequest>.NotFound:
                    throw errors.NotFound(AssistanceRequestNames.Request.ResourceType, name);
            }

            if (attempt >= MaxAttempts)
            {
                throw errors.StaleEtag(name);
            }
        }
    }
}

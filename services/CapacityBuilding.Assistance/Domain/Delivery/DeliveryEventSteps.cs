using CapacityBuilding.Assistance.Access;
using CapacityBuilding.Assistance.Domain.History;
using CapacityBuilding.Assistance.Domain.Requests;
using CapacityBuilding.Assistance.Repositories;
using CapacityBuilding.ServiceDefaults.Errors;
using CapacityBuilding.ServiceDefaults.Identity;
using Action = CapacityBuilding.Contracts.Assistance.V1.HistoryEntry.Types.Action;
using State = CapacityBuilding.Contracts.Assistance.V1.AssistanceRequest.Types.State;

namespace CapacityBuilding.Assistance.Domain.Delivery;

/// <summary>
/// The steps of a delivery event (planned, confirmed, delivered, cancelled) on the history of the
/// request it serves. The training service owns events and reports each step; the request records
/// it as an entry whose subject is the event, once: a step sent again (a retry, a redelivered
/// message) answers with the entry that recorded it the first time. Steps are recorded while the
/// request is approved or in delivery, the states in which it is being delivered; a suspended
/// request refuses them with REQUEST_SUSPENDED (<see cref="SuspendedWork"/>). A delivered
/// event's dates move the request's actual dates (<see cref="ActualDates"/>) in the same write as
/// the entry.
/// </summary>
public sealed class DeliveryEventSteps(RedisAssistanceRequestRepository requests, RedisDeliveryStepRepository steps, RequestAccess access,
    ApiErrors errors, TimeProvider clock)
{
    private const int MaxAttempts = 5;

    /// <summary>The history actions that are steps of a delivery event.</summary>
    public static readonly IReadOnlySet<Action> Steps = new HashSet<Action> { Action.EventPlan, Action.EventConfirm, Action.EventDeliver, Action.EventCancel };

    public static bool MayRecordIn(State state) => state is State.Approved or State.InDelivery;

    /// <param name="eventDays">The event's first and last day, when the training service sent them.</param>
    public async Task<StoredHistoryEntry> RecordAsync(string name, string id, string eventName, Action action, (DateOnly Start, DateOnly End)? eventDays,
        Caller caller, string reason)
    {
        for (var attempt = 1; ; attempt++)
        {
            var current = await requests.GetAsync(id) ?? throw errors.NotFound(AssistanceRequestNames.Request.ResourceType, name);
            access.EnsureMayAccess(caller, current, name);
            if (await steps.FindAsync(id, eventName, action) is { } earlier)
            {
                return earlier;
            }

            SuspendedWork.EnsureNotSuspended(current, name, "Delivery events are not recorded", errors);
            if (!MayRecordIn(current.State))
            {
                throw errors.InvalidState(
                    $"Delivery events are recorded on approved requests and requests in delivery; {name} is {ActionNames.Of(current.State)}.",
                    current.State.ToString(), action.ToString());
            }

            var (updated, entry) = SubjectEntry.Append(name, ActualDates.With(current, action, eventDays),
                new HistoryEntryFacts(caller.Subject, clock.GetUtcNow(), action, current.State, reason, [], eventName));
            switch (await steps.RecordAsync(current, updated, entry, eventName, action))
            {
                case RecordStepOutcome.Recorded:
                    return entry;
                case RecordStepOutcome.Existing existing:
                    return await steps.EntryAsync(id, existing.Sequence);
                case RecordStepOutcome.NotFound:
                    throw errors.NotFound(AssistanceRequestNames.Request.ResourceType, name);
                case RecordStepOutcome.Stale when attempt >= MaxAttempts:
                    throw errors.StaleEtag(name);
            }
        }
    }
}

using CapacityBuilding.Assistance.Domain.Requests;
using CapacityBuilding.Assistance.Repositories;
using CapacityBuilding.ServiceDefaults.Errors;
using CapacityBuilding.ServiceDefaults.Redis;
using CapacityBuilding.ServiceDefaults.Resources;
using State = CapacityBuilding.Contracts.Assistance.V1.Offer.Types.State;

namespace CapacityBuilding.Assistance.Domain.Offers;

/// <summary>
/// Stores offer changes through <see cref="RedisOfferRepository"/>, each step of the lifecycle
/// that the history records together with its entry. The offer's own condition is the etag it
/// was read with, checked by the script; when only the request moved on (another event of its
/// history came first), the entry is recomputed on the new request and written again, since the
/// offer's change is still the same.
/// </summary>
public sealed class OfferWrites(RedisOfferRepository offers, RedisAssistanceRequestRepository requests, ApiErrors errors, TimeProvider clock)
{
    // Offers of one request accepted or declined at once all append to its history: each
    // loser of a round tries again on the new head, so the bound is generous.
    private const int MaxRequestAttempts = 50;

    /// <summary>Stores a new open offer and the entry recording it, if its request still takes offers.</summary>
    /// <returns>The offer stored, or the id of the offer an earlier create with the same request id made.</returns>
    public async Task<(StoredOffer? Created, string? EarlierId)> CreateAsync(StoredOffer offer, string actor, IdempotentCreate? create)
    {
        for (var attempt = 1; ; attempt++)
        {
            var request = await ReadRequestAsync(offer.RequestId);
            EnsureTakesOffers(request);
            var history = OfferEvents.Record(request, offer.Name, OfferLifecycle.HistoryActionOf(State.Open)!.Value, actor, "", offer.CreateTime);
            switch (await offers.CreateAsync(offer, history, create))
            {
                case OfferWriteOutcome.Written written:
                    return (written.Offer, null);
                case OfferWriteOutcome.Existing existing:
                    return (null, existing.OfferId);
                case OfferWriteOutcome.NotFound:
                    throw errors.NotFound(AssistanceRequestNames.Request.ResourceType, AssistanceRequestNames.Request.Format(offer.RequestId));
                case OfferWriteOutcome.RequestStale when attempt < MaxRequestAttempts:
                    await BackOffAsync();
                    break;
                default:
                    throw errors.StaleEtag(AssistanceRequestNames.Request.Format(offer.RequestId));
            }
        }
    }

    /// <summary>
    /// Moves <paramref name="current"/> to <paramref name="to"/> (an allowed step), recording the
    /// reason and, for a step the history records, the entry. Null when the offer changed since
    /// it was read: the caller reads it again and decides anew.
    /// </summary>
    public async Task<StoredOffer?> TryMoveAsync(StoredOffer current, State to, string actor, string reason)
    {
        if (!OfferLifecycle.Allows(current.State, to))
        {
            throw new InvalidOperationException($"{current.Name}: {current.State} cannot move to {to}; the caller checks first.");
        }

        var now = clock.GetUtcNow();
        var updated = current with
        {
            State = to,
            UpdateTime = now,
            Etag = Etags.New(),
            AnswerReason = reason,
            AnswerTime = OfferLifecycle.IsUnresolved(to) ? null : now,
            AcceptingSince = to == State.Accepting ? now : current.AcceptingSince,
        };
        for (var attempt = 1; ; attempt++)
        {
            var history = OfferLifecycle.HistoryActionOf(to) is { } action
                ? OfferEvents.Record(await ReadRequestAsync(current.RequestId), current.Name, action, actor, reason, now)
                : null;
            switch (await offers.ReplaceAsync(current, updated, history))
            {
                case OfferWriteOutcome.Written written:
                    return written.Offer;
                case OfferWriteOutcome.OfferStale:
                    return null;
                case OfferWriteOutcome.NotFound:
                    throw errors.NotFound(OfferNames.Offer.ResourceType, current.Name);
                case OfferWriteOutcome.RequestStale when attempt < MaxRequestAttempts:
                    await BackOffAsync();
                    break;
                default:
                    throw errors.StaleEtag(AssistanceRequestNames.Request.Format(current.RequestId));
            }
        }
    }

    /// <summary>Records that the hold of <paramref name="current"/> was released; null when the offer changed since it was read.</summary>
    public async Task<StoredOffer?> TryMarkReleasedAsync(StoredOffer current) =>
        await offers.ReplaceAsync(current, current with { HoldReleased = true, UpdateTime = clock.GetUtcNow(), Etag = Etags.New() }, null) switch
        {
            OfferWriteOutcome.Written written => written.Offer,
            OfferWriteOutcome.NotFound => throw errors.NotFound(OfferNames.Offer.ResourceType, current.Name),
            _ => null,
        };

    /// <summary>FAILED_PRECONDITION unless the request is approved or in delivery: REQUEST_SUSPENDED while it is suspended, INVALID_STATE otherwise.</summary>
    public void EnsureTakesOffers(StoredAssistanceRequest request)
    {
        SuspendedWork.EnsureNotSuspended(request, AssistanceRequestNames.Request.Format(request.Id), "Offers are not made", errors);
        if (request.State is not (Contracts.Assistance.V1.AssistanceRequest.Types.State.Approved or Contracts.Assistance.V1.AssistanceRequest.Types.State.InDelivery))
        {
            throw errors.InvalidState(
                $"Offers are made on approved requests and requests in delivery; {AssistanceRequestNames.Request.Format(request.Id)} is {ActionNames.Of(request.State)}.",
                ActionNames.Of(request.State));
        }
    }

    private async Task<StoredAssistanceRequest> ReadRequestAsync(string requestId) =>
        await requests.GetAsync(requestId)
        ?? throw errors.NotFound(AssistanceRequestNames.Request.ResourceType, AssistanceRequestNames.Request.Format(requestId));

    // A short random pause, so that writers that lost a round to each other do not meet again at once.
    private static Task BackOffAsync() => Task.Delay(Random.Shared.Next(1, 10));
}

using CapacityBuilding.Assistance.Clients;
using CapacityBuilding.Assistance.Repositories;
using CapacityBuilding.ServiceDefaults.Errors;
using CapacityBuilding.ServiceDefaults.Redis;
using CapacityBuilding.ServiceDefaults.Resources;
using CapacityBuilding.ServiceDefaults.Telemetry;
using Grpc.Core;
using State = CapacityBuilding.Contracts.Assistance.V1.Offer.Types.State;

namespace CapacityBuilding.Assistance.Domain.Offers;

/// <summary>
/// The steps of an offer that involve what it holds in another service, in an order that parallel
/// calls and crashes cannot break:
/// <list type="bullet">
/// <item>Create: the hold is made first (with the caller's token), then the offer and its history
/// entry are stored; if storing fails, the hold is released at once.</item>
/// <item>Accept: (1) the offer moves OPEN -> ACCEPTING (refused past its expire time), so no
/// decline, withdrawal or expiry can follow; (2) the hold is confirmed as the service
/// (idempotent); (3) ACCEPTING -> ACCEPTED with its entry. When (2) finds the hold gone the offer
/// moves to LAPSED instead and its hold is released. When (2) cannot reach the owning service the
/// offer stays ACCEPTING: accepting again, or the sweeper after a grace period, repeats (2) and (3).</item>
/// <item>Decline, withdraw, expire, lapse: the final state and its entry are stored first, then the
/// hold is released and marked released; a release that fails is retried by the sweeper, which
/// finds the offer among the unreleased ones.</item>
/// </list>
/// </summary>
public sealed partial class OfferSaga(OfferWrites writes, OfferHolds holds, RedisOfferRepository offers, ApiErrors errors, TimeProvider clock, ILogger<OfferSaga> logger)
{
    /// <summary>Who the history names for the sweeper's steps: the service itself.</summary>
    public const string SweeperActor = Extensions.AssistanceApp.Name;

    /// <summary>Holds what <paramref name="draft"/> proposes and stores it open; a create with the same request id made before returns that offer's id instead.</summary>
    public async Task<(StoredOffer? Created, string? EarlierId)> CreateAsync(StoredOffer draft, string country, string actor, IdempotentCreate? create,
        CancellationToken cancellationToken)
    {
        var held = draft with { Hold = await holds.HoldAsync(draft, country, cancellationToken) };
        var stored = false;
        try
        {
            var outcome = await writes.CreateAsync(held, actor, create);
            stored = outcome.Created is not null;
            return outcome;
        }
        finally
        {
            if (!stored)
            {
                await ReleaseOrphanAsync(held);
            }
        }
    }

    /// <summary>
    /// Accepts the offer the caller may answer (read as <paramref name="current"/>): from OPEN runs
    /// the three steps; an offer being accepted is finished; an accepted one is returned as it is.
    /// </summary>
    public async Task<StoredOffer> AcceptAsync(StoredOffer current, string expectedEtag, string actor, CancellationToken cancellationToken)
    {
        for (var offer = current; ; offer = await RereadAsync(offer))
        {
            switch (offer.State)
            {
                case State.Accepted:
                    return offer;
                case State.Accepting:
                    return await FinishAcceptingAsync(offer, actor, cancellationToken);
                case State.Open:
                    EnsureAnswerable(offer, expectedEtag);
                    if (await writes.TryMoveAsync(offer, State.Accepting, actor, "") is { } accepting)
                    {
                        return await FinishAcceptingAsync(accepting, actor, cancellationToken);
                    }

                    break;
                default:
                    throw NotOpen(offer);
            }
        }
    }

    /// <summary>Moves an open offer to DECLINED or WITHDRAWN with the reason, then releases its hold.</summary>
    public async Task<StoredOffer> CloseAsync(StoredOffer current, State to, string expectedEtag, string actor, string reason)
    {
        for (var offer = current; ; offer = await RereadAsync(offer))
        {
            if (offer.State != State.Open)
            {
                throw NotOpen(offer);
            }

            EnsureAnswerable(offer, expectedEtag);
            if (await writes.TryMoveAsync(offer, to, actor, reason) is { } closed)
            {
                return await ReleaseHoldAsync(closed);
            }
        }
    }

    /// <summary>The sweeper's step for an open offer past its expire time: EXPIRED, then the hold released.</summary>
    public async Task ExpireAsync(StoredOffer offer)
    {
        if (offer.State == State.Open && clock.GetUtcNow() >= offer.ExpireTime
            && await writes.TryMoveAsync(offer, State.Expired, SweeperActor, "") is { } expired)
        {
            await ReleaseHoldAsync(expired);
        }
    }

    /// <summary>
    /// Steps (2) and (3) of an acceptance: confirms the hold and records ACCEPTED, or LAPSED when
    /// the hold is gone (then FAILED_PRECONDITION with the owning service's reason).
    /// </summary>
    public async Task<StoredOffer> FinishAcceptingAsync(StoredOffer accepting, string actor, CancellationToken cancellationToken)
    {
        HoldConfirmation confirmation;
        try
        {
            confirmation = await holds.ConfirmAsync(accepting, cancellationToken);
        }
        catch (RpcException exception)
        {
            LogAcceptUnfinished(logger, accepting.Name, exception.StatusCode);
            throw;
        }

        var gone = confirmation as HoldConfirmation.Gone;
        for (var offer = accepting; ; offer = await RereadAsync(offer))
        {
            switch (offer.State)
            {
                case State.Accepted:
                    return offer;
                case State.Lapsed:
                    throw Lapsed(offer, gone?.Reason ?? ErrorReasons.OfferHoldGone);
                case not State.Accepting:
                    throw NotOpen(offer);
            }

            // A parallel acceptance or the sweeper may finish it first, from the same confirmation.
            var finished = await writes.TryMoveAsync(offer, gone is null ? State.Accepted : State.Lapsed, actor, gone?.Message ?? "");
            if (finished is null)
            {
                continue;
            }

            if (gone is null)
            {
                return finished;
            }

            LogLapsed(logger, finished.Name, gone.Reason);
            await ReleaseHoldAsync(finished);
            throw Lapsed(finished, gone.Reason);
        }
    }

    /// <summary>Releases the hold of an offer that did not take effect and records it; a failure is logged and left to the sweeper.</summary>
    public async Task<StoredOffer> ReleaseHoldAsync(StoredOffer offer)
    {
        if (!OfferLifecycle.ReleasesHold(offer.State) || offer.HoldReleased)
        {
            return offer;
        }

        try
        {
            // Not under the caller's cancellation: the offer's answer is stored, and its caller
            // giving up must not leave the hold to the sweeper's next round.
            await holds.ReleaseAsync(offer, CancellationToken.None);
        }
        catch (RpcException exception)
        {
            LogReleaseFailed(logger, offer.Name, offer.Hold, exception.StatusCode);
            return offer;
        }

        return await writes.TryMarkReleasedAsync(offer) ?? offer;
    }

    private void EnsureAnswerable(StoredOffer offer, string expectedEtag)
    {
        if (clock.GetUtcNow() >= offer.ExpireTime)
        {
            throw Expired(offer);
        }

        if (Etags.IsStale(expectedEtag, offer.Etag))
        {
            throw errors.StaleEtag(offer.Name);
        }
    }

    private async Task<StoredOffer> RereadAsync(StoredOffer offer) =>
        await offers.GetAsync(offer.RequestId, offer.Id) ?? throw errors.NotFound(OfferNames.Offer.ResourceType, offer.Name);

    private RpcException Lapsed(StoredOffer offer, string reason) =>
        errors.FailedPrecondition(reason, $"{offer.Name} could not take effect and has lapsed: {offer.AnswerReason}",
            new Dictionary<string, string> { ["offer"] = offer.Name, ["hold"] = offer.Hold });

    private RpcException Expired(StoredOffer offer) =>
        errors.FailedPrecondition(ErrorReasons.OfferExpired, $"{offer.Name} expired at {offer.ExpireTime:O}; it can no longer be answered or withdrawn.",
            new Dictionary<string, string> { ["expire_time"] = offer.ExpireTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture) });

    // An expired offer is OFFER_EXPIRED whether or not the sweeper has marked it yet.
    private RpcException NotOpen(StoredOffer offer) => offer.State == State.Expired ? Expired(offer) :
        errors.WrongState(ErrorReasons.OfferNotOpen, $"{offer.Name} is {OfferLifecycle.NameOf(offer.State)}; only an open offer can be answered or withdrawn.",
            OfferLifecycle.NameOf(offer.State));

    // The hold was made but the offer not stored (refused, stale, Redis away): nothing refers to
    // the hold, so it is given back now, whatever became of the caller.
    private async Task ReleaseOrphanAsync(StoredOffer held)
    {
        Task releasing;
        using (ExecutionContext.SuppressFlow())
        {
            releasing = Task.Run(() => holds.ReleaseAsync(held, CancellationToken.None));
        }

        try
        {
            await releasing;
        }
        catch (RpcException exception)
        {
            LogOrphanHold(logger, held.Hold, held.Name, exception.StatusCode);
        }
    }

    [LoggerMessage(EventId = EventIds.OfferHoldReleaseFailed, Level = LogLevel.Warning,
        Message = "The hold {Hold} of {OfferName} could not be released now (answered {StatusCode}); the offer sweeper retries")]
    private static partial void LogReleaseFailed(ILogger logger, string offerName, string hold, StatusCode statusCode);

    [LoggerMessage(EventId = EventIds.OfferAcceptUnfinished, Level = LogLevel.Warning,
        Message = "{OfferName} stays accepting: its hold could not be confirmed now (answered {StatusCode}); accepting again or the sweeper finishes it")]
    private static partial void LogAcceptUnfinished(ILogger logger, string offerName, StatusCode statusCode);

    [LoggerMessage(EventId = EventIds.OfferLapsed, Level = LogLevel.Information, Message = "{OfferName} lapsed on acceptance: its hold is gone ({Reason})")]
    private static partial void LogLapsed(ILogger logger, string offerName, string reason);

    [LoggerMessage(EventId = EventIds.OfferOrphanHold, Level = LogLevel.Error,
        Message = "The hold {Hold} made for {OfferName}, which was not stored, could not be released (answered {StatusCode}); release it in its service")]
    private static partial void LogOrphanHold(ILogger logger, string hold, string offerName, StatusCode statusCode);
}

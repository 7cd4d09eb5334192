using CapacityBuilding.Assistance.Repositories;
using CapacityBuilding.ServiceDefaults.Telemetry;
using Grpc.Core;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using State = CapacityBuilding.Contracts.Assistance.V1.Offer.Types.State;

namespace CapacityBuilding.Assistance.Domain.Offers;

/// <summary>
/// Every <see cref="OfferSweepOptions.Interval"/>: expires open offers past their expire time,
/// finishes acceptances left unfinished longer than <see cref="OfferSweepOptions.AcceptingGrace"/>
/// (a crash, or the owning service away), and releases the holds of offers that did not take
/// effect whose release failed. Each step is the one <see cref="OfferSaga"/> takes in a call and
/// conditional on the offer as read, so several replicas sweeping at once, or a sweep racing a
/// caller, change an offer once.
/// </summary>
public sealed partial class OfferSweeper(
    RedisOfferRepository offers, OfferSaga saga, IOptions<OfferSweepOptions> options, TimeProvider clock, ILogger<OfferSweeper> logger)
    : BackgroundService
{
    private readonly OfferSweepOptions settings = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(settings.Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is RedisException or RpcException && !stoppingToken.IsCancellationRequested)
            {
                LogSweepFailed(logger, exception.GetType().Name, exception.Message);
            }
        }
    }

    /// <summary>One round over the three sets.</summary>
    public async Task SweepAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        foreach (var offer in await DueAsync(OfferIndexes.Expiring, now))
        {
            await saga.ExpireAsync(offer);
        }

        foreach (var offer in await DueAsync(OfferIndexes.Accepting, now - settings.AcceptingGrace))
        {
            if (offer.State == State.Accepting)
            {
                await FinishAsync(offer, cancellationToken);
            }
        }

        // Released in the call that ended them unless that failed; one interval later is a retry.
        foreach (var offer in await DueAsync(OfferIndexes.Unreleased, now - settings.Interval))
        {
            await saga.ReleaseHoldAsync(offer);
        }
    }

    private async Task<IReadOnlyList<StoredOffer>> DueAsync(RedisKey set, DateTimeOffset until)
    {
        var due = new List<StoredOffer>();
        foreach (var (requestId, offerId) in await offers.DueAsync(set, until, settings.BatchSize))
        {
            if (await offers.GetAsync(requestId, offerId) is { } offer)
            {
                due.Add(offer);
            }
        }

        return due;
    }

    private async Task FinishAsync(StoredOffer offer, CancellationToken cancellationToken)
    {
        try
        {
            await saga.FinishAcceptingAsync(offer, OfferSaga.SweeperActor, cancellationToken);
        }
        catch (RpcException exception) when (exception.StatusCode is StatusCode.FailedPrecondition or StatusCode.Unavailable or StatusCode.DeadlineExceeded)
        {
            // Lapsed (recorded and released), or the owning service still away (logged; next round).
        }
    }

    [LoggerMessage(EventId = EventIds.OfferSweepFailed, Level = LogLevel.Warning, Message = "A round of the offer sweeper failed ({ExceptionType}: {Reason}); the next round tries again")]
    private static partial void LogSweepFailed(ILogger logger, string exceptionType, string reason);
}

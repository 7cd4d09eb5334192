using CapacityBuilding.Funding.Clients;
using CapacityBuilding.Funding.Repositories;
using CapacityBuilding.ServiceDefaults.Redis;
using CapacityBuilding.ServiceDefaults.Telemetry;
using Grpc.Core;
using StackExchange.Redis;

namespace CapacityBuilding.Funding.Domain.Summaries;

/// <summary>
/// Once per Redis database: counts the requests donors funded before the donors' budget sums
/// existed (<see cref="DonorBudgets"/>) into them. Walks the requests the programme funds, as
/// assistance lists them a page at a time (their budgets are there), and gives each to a script
/// that stores its budget entries unless money reaching it stored them, finds its donors among its
/// allocations and counts it into each donor's sums once, so writes going on meanwhile count
/// exactly once and a run cut short is simply run again. Assistance being away (it may start
/// after funding) is waited for, as Redis is. The marker key <c>migrations:donor-budgets</c>
/// records that it is done (<see cref="OneTimeMigration"/>); until then a donor's summary misses
/// the budgets of the requests it funded before.
/// </summary>
public sealed partial class DonorBudgetsBackfill(
    AssistanceRequests assistanceRequests,
    RedisFundingTotalsRepository totals,
    RedisKeyspace keyspace,
    ILogger<DonorBudgetsBackfill> logger) : OneTimeMigration(keyspace)
{
    /// <summary>Requests counted at a time: their scripts go out together, not one round trip each.</summary>
    private const int Batch = 500;

    private static readonly TimeSpan AssistanceRetryDelay = TimeSpan.FromSeconds(5);

    protected override RedisKey Done => "migrations:donor-budgets";

    protected override async Task<int> MigrateAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                return await CountAllAsync(cancellationToken);
            }
            catch (RpcException exception) when (!cancellationToken.IsCancellationRequested)
            {
                LogRetry(logger, exception.Status.Detail);
                await Task.Delay(AssistanceRetryDelay, cancellationToken);
            }
        }
    }

    protected override void LogMigrated(int count) => LogCounted(logger, count);

    protected override void LogWaitingForRedis(string reason) => LogRetry(logger, reason);

    private async Task<int> CountAllAsync(CancellationToken cancellationToken)
    {
        var counted = 0;
        var pending = new List<Task>(Batch);
        await foreach (var request in assistanceRequests.ListInStatesAsync(RequestFacts.FundedStates, cancellationToken))
        {
            pending.Add(totals.CountBudgetsOnceAsync(RequestFacts.IdOf(request), DonorBudgets.EntriesOf(request)));
            counted++;
            if (pending.Count == Batch)
            {
                await Task.WhenAll(pending);
                pending.Clear();
            }
        }

        await Task.WhenAll(pending);
        return counted;
    }

    [LoggerMessage(EventId = EventIds.DonorBudgetsBackfilled, Level = LogLevel.Information, Message = "Counted {Count} funded requests into their donors' budget sums")]
    private static partial void LogCounted(ILogger logger, int count);

    [LoggerMessage(EventId = EventIds.DonorBudgetsBackfillWaiting, Level = LogLevel.Warning, Message = "Counting funded requests into their donors' budget sums must wait for Redis or the assistance service: {Reason}")]
    private static partial void LogRetry(ILogger logger, string reason);
}

using CapacityBuilding.Assistance.Domain.Requests;
using CapacityBuilding.Assistance.Repositories.Scripts;
using CapacityBuilding.ServiceDefaults.Redis;
using StackExchange.Redis;

namespace CapacityBuilding.Assistance.Repositories;

/// <summary>
/// Reads the counters <see cref="RequestCounters"/> describes (written by the request writes of
/// <see cref="RedisAssistanceRequestRepository"/>), and adds older requests to them once.
/// </summary>
public sealed class RedisRequestCounterRepository(RedisKeyspace keyspace)
{
    private const int BackfillBatch = 500;

    private readonly IDatabase database = keyspace.Database;

    /// <summary>Counter fields and values of <paramref name="key"/>: all of them, or those of one country's <paramref name="fields"/>.</summary>
    public async Task<IReadOnlyList<(string Field, long Count)>> ReadAsync(RedisKey key, IReadOnlyList<string>? fields)
    {
        if (fields is null)
        {
            return [.. (await database.HashGetAllAsync(key)).Select(entry => ((string)entry.Name!, (long)entry.Value))];
        }

        var values = await database.HashGetAsync(key, [.. fields.Select(field => (RedisValue)field)]);
        return [.. fields.Zip(values).Where(pair => !pair.Second.IsNull).Select(pair => (pair.First, (long)pair.Second))];
    }

    /// <summary>Ids of stored requests, <see cref="BackfillBatch"/> at a time, oldest first.</summary>
    public async IAsyncEnumerable<string[]> AllIdsAsync()
    {
        for (long start = 0; ; start += BackfillBatch)
        {
            var members = await database.SortedSetRangeByRankAsync(RequestIndexes.KeyOf(RequestOrder.CreateTime, null), start, start + BackfillBatch - 1);
            if (members.Length == 0)
            {
                yield break;
            }

            yield return [.. members.Select(member => (string)member!)];
        }
    }

    /// <summary>Adds <paramref name="request"/>, as read, to the pipeline and coverage counters unless it is counted already.</summary>
    public Task<CountOutcome> CountOnceAsync(StoredAssistanceRequest request) =>
        CountOnceAsync(request, RequestCounters.Counted, RequestCounters.Changes(null, request).Select(change => (change.Key, change.Field, (long)change.Delta)));

    /// <summary>Adds <paramref name="request"/>, as read, to the budget sums unless it is in them already.</summary>
    public Task<CountOutcome> CountBudgetOnceAsync(StoredAssistanceRequest request) =>
        CountOnceAsync(request, BudgetCounters.Counted, BudgetCounters.Changes(null, request).Select(change => (BudgetCounters.Budgets, change.Field, change.Delta)));

    /// <summary>Every budget sum (<see cref="BudgetCounters"/>), one hash read.</summary>
    public async Task<IReadOnlyList<(string Field, long Amount)>> ReadBudgetsAsync() =>
        [.. (await database.HashGetAllAsync(BudgetCounters.Budgets)).Select(entry => ((string)entry.Name!, (long)entry.Value))];

    private async Task<CountOutcome> CountOnceAsync(StoredAssistanceRequest request, RedisKey countedSet, IEnumerable<(RedisKey Key, string Field, long Delta)> changes)
    {
        var changeList = changes.ToList();
        RedisKey[] keys = [RedisAssistanceRequestRepository.KeyOf(request.Id), countedSet, .. changeList.Select(change => change.Key)];
        RedisValue[] arguments = [request.Id, request.Etag, .. changeList.Select(change => (RedisValue)$"{change.Delta}:{change.Field}")];
        var reply = await ScriptReply.RunScriptAsync(database, AssistanceScripts.RequestCount, keys, arguments);
        return reply.Status switch
        {
            "COUNTED" => CountOutcome.Counted,
            "ALREADY" => CountOutcome.AlreadyCounted,
            "NOT_FOUND" => CountOutcome.NotFound,
            "STALE" => CountOutcome.Stale,
            _ => throw reply.Unexpected("request-count"),
        };
    }
}

/// <summary>What adding a request to the counters did: <see cref="Stale"/> means it changed since it was read.</summary>
public enum CountOutcome
{
    Counted,
    AlreadyCounted,
    NotFound,
    Stale,
}

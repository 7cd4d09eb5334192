using System.Text.Json;
using CapacityBuilding.Assistance.Domain.History;
using CapacityBuilding.Assistance.Domain.Requests;
using CapacityBuilding.Assistance.Repositories.Scripts;
using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.ServiceDefaults.Redis;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace CapacityBuilding.Assistance.Repositories;

/// <summary>
/// Assistance requests in Redis. Keys, all under the service's <c>assistance:</c> prefix:
/// <list type="bullet">
/// <item><c>requests:{id}</c>: the request, JSON (<see cref="StoredAssistanceRequest"/>).</item>
/// <item><c>requests:{id}:history</c>: list of its history entries, oldest first, JSON
/// (<see cref="StoredHistoryEntry"/>), hash-chained (<see cref="HistoryChain"/>).</item>
/// <item><c>requests:index</c>, <c>requests:priority-index</c> and their per-filter variants:
/// sorted sets for listing, described in <see cref="RequestIndexes"/>.</item>
/// <item><c>requests:overlap-index:{country}:{area}</c>: sorted sets of the active requests, for overlaps, described in <see cref="OverlapIndex"/>.</item>
/// <item><c>requests:request-ids:{scope}</c>: the id a create with that request id made and its fingerprint, the string
/// <c>{fingerprint} {id}</c> the create claims in one command (a hash in keys written before; <see cref="IdempotentCreate"/>).</item>
/// <item><c>requests:pipeline</c>, <c>requests:coverage</c>, <c>requests:counted</c>: counters of requests, described in <see cref="RequestCounters"/>.</item>
/// <item><c>requests:budgets</c>, <c>requests:budgets:counted</c>: budget sums of funded requests, described in <see cref="BudgetCounters"/>.</item>
/// </list>
/// Every write is one Lua script (<c>Scripts/request-write.lua</c>): document, history entry,
/// index and counter changes and idempotency key land together or not at all, and a replacement happens
/// only if the stored etag is still the one the change was computed from.
/// </summary>
public sealed class RedisAssistanceRequestRepository(RedisKeyspace keyspace, IOptions<RequestListingOptions> listing)
{
    private const string Collection = "requests";

    private readonly IDatabase database = keyspace.Database;

    /// <summary>Stores the new request and its first history entry, or returns the one an earlier create with the same request id stored.</summary>
    public async Task<StoredAssistanceRequest> CreateAsync(StoredAssistanceRequest request, StoredHistoryEntry entry, IdempotentCreate? create)
    {
        var changes = IndexEntriesOf(request).Select(e => (e.Key, "+" + e.Member))
            .Concat(CounterChanges(null, request))
            .ToList();
        var reply = await WriteAsync("create", request, entry, "", create, changes);
        if (reply.Status == "EXISTING")
        {
            return await GetAsync(reply.Text(0)) ?? throw new InvalidOperationException($"Idempotency key {create} points at a missing request.");
        }

        return request;
    }

    /// <summary>
    /// Replaces <paramref name="current"/> with <paramref name="updated"/> (same id) if the stored
    /// request still has <paramref name="current"/>'s etag, appending <paramref name="entry"/> when given.
    /// </summary>
    public async Task<ReplaceOutcome<StoredAssistanceRequest>> ReplaceAsync(StoredAssistanceRequest current, StoredAssistanceRequest updated, StoredHistoryEntry? entry)
    {
        var before = IndexEntriesOf(current).ToHashSet();
        var after = IndexEntriesOf(updated).ToHashSet();
        var changes = before.Except(after).Select(e => (e.Key, "-" + e.Member))
            .Concat(after.Except(before).Select(e => (e.Key, "+" + e.Member)))
            .Concat(CounterChanges(current, updated))
            .ToList();
        var reply = await WriteAsync("replace", updated, entry, current.Etag, null, changes);
        return reply.ToReplaceOutcome(updated);
    }

    public async Task<StoredAssistanceRequest?> GetAsync(string id) => Deserialize(await database.StringGetAsync(KeyOf(id)));

    /// <summary>
    /// One page of the listing and the cursor of the next page (null on the last). The page is
    /// full unless it is the last: when a script call runs out of its scan budget first, the
    /// next call continues from the member it stopped at, until the page is full or the driving
    /// index is exhausted. A rare combination of common filters therefore costs more script calls,
    /// never a short page with a token.
    /// </summary>
    public async Task<(IReadOnlyList<StoredAssistanceRequest> Items, string? NextCursor)> ListAsync(
        RequestListQuery query, int pageSize, string? cursor, CancellationToken cancellationToken = default)
    {
        RedisKey[] filterKeys = query.Filters.Count == 0
            ? [RequestIndexes.KeyOf(query.Order, null)]
            : [.. query.Filters.Select(filter => RequestIndexes.KeyOf(query.Order, filter))];
        RedisKey[] keys =
        [
            .. filterKeys,
            .. RequestIndexes.PairsOf(query.Filters).Select(pair => RequestIndexes.PairKeyOf(query.Order, pair.One, pair.Other)),
            RequestIndexes.PairsMigrated,
        ];
        var createdOrder = query.Order == RequestOrder.CreateTime;
        var fromTime = query.CreatedFrom is { } from ? RequestIndexes.TimePrefix(from) : "";
        var beforeTime = query.CreatedBefore is { } before ? RequestIndexes.TimePrefix(before) : "";
        var members = new List<string>(pageSize + 1);
        var resume = cursor ?? "";
        do
        {
            cancellationToken.ThrowIfCancellationRequested();
            RedisValue[] arguments =
            [
                resume,
                createdOrder && beforeTime.Length > 0 ? "(" + beforeTime : "+",
                createdOrder && fromTime.Length > 0 ? "[" + fromTime : "-",
                pageSize + 1 - members.Count,
                listing.Value.ScanBudget,
                createdOrder ? 0 : 4,
                fromTime,
                beforeTime,
                filterKeys.Length,
            ];
            var result = (RedisResult[])(await database.ScriptEvaluateAsync(AssistanceScripts.RequestPage, keys, arguments))!;
            members.AddRange(((RedisValue[])result[0]!).Select(member => (string)member!));
            resume = (string)result[1]!;
        }
        while (resume.Length > 0 && members.Count <= pageSize);

        var page = members.Take(pageSize).ToList();
        var ids = page.Select(member => RequestIndexes.IdOf(query.Order, member)).ToArray();
        return (await GetManyAsync(ids), members.Count > pageSize ? page[^1] : null);
    }

    /// <summary>
    /// The requests of one requesting state in any of <paramref name="states"/>, newest first: the
    /// state's own index walked in Redis (<c>Scripts/request-ids-among.lua</c>), so the cost is that
    /// state's number of requests, never every request stored; only the matching ones are read.
    /// </summary>
    public async Task<IReadOnlyList<StoredAssistanceRequest>> ListOfCountryInAsync(string country, IReadOnlyList<AssistanceRequest.Types.State> states)
    {
        RedisKey[] keys =
        [
            RequestIndexes.KeyOf(RequestOrder.CreateTime, (RequestIndexes.Country, country)),
            .. states.Select(state => RequestIndexes.KeyOf(RequestOrder.CreateTime, (RequestIndexes.State, state.ToString()))),
        ];
        var ids = (RedisValue[])(await database.ScriptEvaluateAsync(AssistanceScripts.RequestIdsAmong, keys))!;
        return [.. (await GetManyAsync([.. ids.Select(id => (string)id!)])).OrderByDescending(request => request.Id, StringComparer.Ordinal)];
    }

    /// <summary>
    /// Adds <paramref name="request"/>, as read, to every index set it belongs in, unless it
    /// changed since (<see cref="IndexOutcome.Stale"/>: read it again); a set it is in already is unchanged.
    /// </summary>
    public async Task<IndexOutcome> IndexAsync(StoredAssistanceRequest request)
    {
        var entries = RequestIndexes.EntriesOf(request).ToList();
        RedisKey[] keys = [KeyOf(request.Id), .. entries.Select(entry => entry.Key)];
        RedisValue[] arguments = [request.Etag, .. entries.Select(entry => (RedisValue)entry.Member)];
        var reply = await ScriptReply.RunScriptAsync(database, AssistanceScripts.RequestIndex, keys, arguments);
        return reply.Status switch
        {
            "INDEXED" => IndexOutcome.Indexed,
            "NOT_FOUND" => IndexOutcome.NotFound,
            "STALE" => IndexOutcome.Stale,
            _ => throw reply.Unexpected("request-index"),
        };
    }

    public async Task<IReadOnlyList<StoredAssistanceRequest>> GetManyAsync(string[] ids)
    {
        if (ids.Length == 0)
        {
            return [];
        }

        var values = await database.StringGetAsync([.. ids.Select(KeyOf)]);
        return [.. values.Select(Deserialize).OfType<StoredAssistanceRequest>()];
    }

    /// <summary>History entries from <paramref name="start"/> (0-based), at most <paramref name="count"/>; all when count is -1.</summary>
    public async Task<IReadOnlyList<StoredHistoryEntry?>> GetHistoryAsync(string id, long start, long count)
    {
        var values = await database.ListRangeAsync(HistoryKeyOf(id), start, count < 0 ? -1 : start + count - 1);
        return [.. values.Select(value => value.IsNull ? null : DeserializeEntry(value))];
    }

    private Task<ScriptReply> WriteAsync(string mode, StoredAssistanceRequest request, StoredHistoryEntry? entry, string expectedEtag,
        IdempotentCreate? create, IReadOnlyList<(RedisKey Key, string Change)> indexChanges)
    {
        RedisKey[] keys =
        [
            KeyOf(request.Id), HistoryKeyOf(request.Id), create?.KeyIn(Collection) ?? KeyOf(request.Id), .. indexChanges.Select(c => c.Key),
            BudgetCounters.Counted, RequestCounters.Counted,
        ];
        RedisValue[] arguments =
        [
            mode,
            expectedEtag,
            JsonSerializer.SerializeToUtf8Bytes(request, AssistanceJsonContext.Default.StoredAssistanceRequest),
            entry is null ? "" : JsonSerializer.SerializeToUtf8Bytes(entry, AssistanceJsonContext.Default.StoredHistoryEntry),
            request.Id,
            create is null ? "0" : "1",
            .. indexChanges.Select(c => (RedisValue)c.Change),
            create?.Fingerprint ?? "",
        ];
        return ScriptReply.RunScriptAsync(database, AssistanceScripts.RequestWrite, keys, arguments);
    }

    /// <summary>The listing indexes and the overlap index sets a request is in.</summary>
    private static IEnumerable<(RedisKey Key, string Member)> IndexEntriesOf(StoredAssistanceRequest request) =>
        RequestIndexes.EntriesOf(request).Concat(OverlapIndex.EntriesOf(request));

    private static IEnumerable<(RedisKey Key, string Change)> CounterChanges(StoredAssistanceRequest? before, StoredAssistanceRequest after) =>
        RequestCounters.Changes(before, after).Select(change => (change.Key, RequestCounters.Argument(change.Field, change.Delta)))
            .Concat(BudgetCounters.Changes(before, after).Select(change => (BudgetCounters.Budgets, BudgetCounters.Argument(change.Field, change.Delta))));

    /// <summary>The request's document key; offer writes that are events of its history write it too.</summary>
    public static RedisKey KeyOf(string id) => $"requests:{id}";

    /// <summary>The request's history list key.</summary>
    public static RedisKey HistoryKeyOf(string id) => $"requests:{id}:history";

    private static StoredAssistanceRequest? Deserialize(RedisValue value) =>
        value.IsNull ? null : JsonSerializer.Deserialize((ReadOnlySpan<byte>)(byte[])value!, AssistanceJsonContext.Default.StoredAssistanceRequest);

    private static StoredHistoryEntry? DeserializeEntry(RedisValue value) =>
        JsonSerializer.Deserialize((ReadOnlySpan<byte>)(byte[])value!, AssistanceJsonContext.Default.StoredHistoryEntry);
}

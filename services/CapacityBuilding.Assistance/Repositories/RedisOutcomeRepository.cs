using System.Text.Json;
using CapacityBuilding.Assistance.Domain.History;
using CapacityBuilding.Assistance.Domain.Requests;
using CapacityBuilding.Assistance.Domain.Results;
using CapacityBuilding.Assistance.Repositories.Scripts;
using CapacityBuilding.ServiceDefaults.Redis;
using StackExchange.Redis;

namespace CapacityBuilding.Assistance.Repositories;

/// <summary>
/// The outcomes of requests. Keys, under the service's <c>assistance:</c> prefix:
/// <list type="bullet">
/// <item><c>requests:{id}:outcomes:{outcome}</c>: an outcome, JSON (<see cref="StoredOutcome"/>).</item>
/// <item><c>requests:{id}:outcomes</c>: the request's outcome ids, a sorted set read by lexical
/// range (ids sort by creation time), for listing oldest first.</item>
/// <item><c>outcomes:request-ids:{scope}</c>: the id a create with that request id made (<see cref="IdempotentCreate"/>).</item>
/// </list>
/// Every write is one script (<c>Scripts/outcome-write.lua</c>) that also writes the request's
/// history entry and new version (<see cref="RedisAssistanceRequestRepository"/>'s keys), only
/// over the version of the request the entry was computed from: so outcomes change one at a time
/// per request, and a completion that checked them fails its own conditional write when one changed.
/// </summary>
public sealed class RedisOutcomeRepository(RedisKeyspace keyspace)
{
    private const string Collection = "outcomes";

    private readonly IDatabase database = keyspace.Database;

    public async Task<StoredOutcome?> GetAsync(string requestId, string outcomeId) => Deserialize(await database.StringGetAsync(KeyOf(requestId, outcomeId)));

    /// <summary>One page of the request's outcomes, oldest first, after <paramref name="afterId"/>, and the id to continue after (null on the last page).</summary>
    public async Task<(IReadOnlyList<StoredOutcome> Items, string? LastId)> ListAsync(string requestId, int pageSize, string? afterId)
    {
        var ids = await database.SortedSetRangeByValueAsync(IndexKeyOf(requestId), afterId ?? default(RedisValue), default,
            afterId is null ? Exclude.None : Exclude.Start, Order.Ascending, 0, pageSize + 1);
        var page = ids.Take(pageSize).Select(id => (string)id!).ToArray();
        var values = page.Length == 0 ? [] : await database.StringGetAsync([.. page.Select(id => KeyOf(requestId, id))]);
        return ([.. values.Select(Deserialize).OfType<StoredOutcome>()], ids.Length > pageSize ? page[^1] : null);
    }

    /// <summary>Every outcome of the request (they are few: <see cref="ResultsRules.MaxOutcomes"/>).</summary>
    public async Task<IReadOnlyList<StoredOutcome>> AllAsync(string requestId) => (await ListAsync(requestId, ResultsRules.MaxOutcomes, null)).Items;

    /// <summary>The id of the outcome <paramref name="create"/> made before, or null.</summary>
    public Task<string?> EarlierCreateAsync(IdempotentCreate? create) => EarlierCreates.FindAsync(database, Collection, create);

    /// <summary>Stores the new <paramref name="outcome"/> with the entry recording it, unless an earlier create with the same request id made one.</summary>
    public Task<OutcomeWriteOutcome> CreateAsync(StoredAssistanceRequest current, StoredAssistanceRequest updated, StoredHistoryEntry entry,
        StoredOutcome outcome, IdempotentCreate? create) =>
        WriteAsync("create", current, updated, entry, outcome, "", create);

    /// <summary>Replaces the outcome with <paramref name="outcome"/> if it still has <paramref name="expectedEtag"/>, with the entry recording it.</summary>
    public Task<OutcomeWriteOutcome> ReplaceAsync(StoredAssistanceRequest current, StoredAssistanceRequest updated, StoredHistoryEntry entry,
        StoredOutcome outcome, string expectedEtag) =>
        WriteAsync("replace", current, updated, entry, outcome, expectedEtag, null);

    private async Task<OutcomeWriteOutcome> WriteAsync(string mode, StoredAssistanceRequest current, StoredAssistanceRequest updated, StoredHistoryEntry entry,
        StoredOutcome outcome, string expectedEtag, IdempotentCreate? create)
    {
        var outcomeKey = KeyOf(current.Id, outcome.Id);
        RedisKey[] keys =
        [
            RedisAssistanceRequestRepository.KeyOf(current.Id), RedisAssistanceRequestRepository.HistoryKeyOf(current.Id), outcomeKey,
            IndexKeyOf(current.Id), create?.KeyIn(Collection) ?? outcomeKey,
        ];
        RedisValue[] arguments =
        [
            mode,
            current.Etag,
            JsonSerializer.SerializeToUtf8Bytes(updated, AssistanceJsonContext.Default.StoredAssistanceRequest),
            JsonSerializer.SerializeToUtf8Bytes(entry, AssistanceJsonContext.Default.StoredHistoryEntry),
            JsonSerializer.SerializeToUtf8Bytes(outcome, AssistanceJsonContext.Default.StoredOutcome),
            outcome.Id,
            expectedEtag,
            create is null ? "0" : "1",
            create?.Fingerprint ?? "",
        ];
        var reply = await ScriptReply.RunScriptAsync(database, AssistanceScripts.OutcomeWrite, keys, arguments);
        return reply.Status switch
        {
            "CREATED" or "REPLACED" => new OutcomeWriteOutcome.Written(outcome),
            "EXISTING" => new OutcomeWriteOutcome.Existing(reply.Text(0)),
            "NOT_FOUND" => new OutcomeWriteOutcome.NotFound(),
            "STALE" => new OutcomeWriteOutcome.RequestStale(),
            "OUTCOME_STALE" => new OutcomeWriteOutcome.OutcomeStale(),
            _ => throw reply.Unexpected("outcome write"),
        };
    }

    private static RedisKey KeyOf(string requestId, string outcomeId) => $"requests:{requestId}:outcomes:{outcomeId}";

    private static RedisKey IndexKeyOf(string requestId) => $"requests:{requestId}:outcomes";

    private static StoredOutcome? Deserialize(RedisValue value) =>
        value.IsNull ? null : JsonSerializer.Deserialize((ReadOnlySpan<byte>)(byte[])value!, AssistanceJsonContext.Default.StoredOutcome);
}

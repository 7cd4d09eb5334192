using System.Text.Json;
using CapacityBuilding.Assistance.Domain.Offers;
using CapacityBuilding.Assistance.Repositories.Scripts;
using CapacityBuilding.ServiceDefaults.Redis;
using StackExchange.Redis;

namespace CapacityBuilding.Assistance.Repositories;

/// <summary>
/// Offers in Redis. Keys, all under the service's <c>assistance:</c> prefix:
/// <list type="bullet">
/// <item><c>requests:{request}:offers:{offer}</c>: the offer, JSON (<see cref="StoredOffer"/>).</item>
/// <item>the sorted sets of <see cref="OfferIndexes"/>: a request's offers, its unresolved
/// offers, and the sweeper's sets of expiring, accepting and unreleased offers.</item>
/// <item><c>offers:request-ids:{scope}</c>: the id a create with that request id made (<see cref="IdempotentCreate"/>).</item>
/// </list>
/// Every write is one Lua script (<c>Scripts/offer-write.lua</c>): the offer, its sets and, for
/// an event of the request's history, the request document and its history entry
/// (<see cref="RedisAssistanceRequestRepository"/>'s keys), land together or not at all.
/// </summary>
public sealed class RedisOfferRepository(RedisKeyspace keyspace)
{
    private const string Collection = "offers";

    private readonly IDatabase database = keyspace.Database;

    public async Task<StoredOffer?> GetAsync(string requestId, string offerId) => Deserialize(await database.StringGetAsync(KeyOf(requestId, offerId)));

    /// <summary>The offer ids of the request after <paramref name="afterId"/>, newest first, at most <paramref name="count"/>.</summary>
    public async Task<IReadOnlyList<string>> IdsAsync(string requestId, string? afterId, int count)
    {
        var from = afterId is null ? "+" : "(" + afterId;
        var ids = (RedisValue[])(await database.ExecuteAsync("ZREVRANGEBYLEX", OfferIndexes.AllOf(requestId), from, "-", "LIMIT", 0, count))!;
        return [.. ids.Select(id => (string)id!)];
    }

    public async Task<IReadOnlyList<StoredOffer>> GetManyAsync(string requestId, IReadOnlyList<string> offerIds)
    {
        if (offerIds.Count == 0)
        {
            return [];
        }

        var values = await database.StringGetAsync([.. offerIds.Select(id => KeyOf(requestId, id))]);
        return [.. values.Select(Deserialize).OfType<StoredOffer>()];
    }

    /// <summary>How many of the request's offers are open or accepting.</summary>
    public Task<long> UnresolvedCountAsync(string requestId) => database.SortedSetLengthAsync(OfferIndexes.UnresolvedOf(requestId));

    /// <summary>Members (<c>{request}/{offer}</c>) of a sweeper's set with a score at most <paramref name="until"/>, oldest first.</summary>
    public async Task<IReadOnlyList<(string RequestId, string OfferId)>> DueAsync(RedisKey set, DateTimeOffset until, int count)
    {
        var members = await database.SortedSetRangeByScoreAsync(set, double.NegativeInfinity, until.ToUnixTimeMilliseconds(), take: count);
        return [.. members.Select(member => OfferIndexes.IdsOf(member!))];
    }

    /// <summary>The id an earlier create with the same request id made, or null; throws <see cref="RequestIdReusedException"/> for a different request.</summary>
    public Task<string?> FindEarlierCreateAsync(IdempotentCreate? create) => EarlierCreates.FindAsync(database, Collection, create);

    /// <summary>
    /// Stores a new offer (with the request's history entry recording it), unless
    /// <paramref name="create"/> ran before: then nothing is written and the earlier offer's id returned.
    /// </summary>
    public Task<OfferWriteOutcome> CreateAsync(StoredOffer offer, OfferHistoryWrite history, IdempotentCreate? create) =>
        WriteAsync("create", null, offer, history, create);

    /// <summary>Replaces <paramref name="current"/> with <paramref name="updated"/> if it is still stored, with the request's entry when given.</summary>
    public Task<OfferWriteOutcome> ReplaceAsync(StoredOffer current, StoredOffer updated, OfferHistoryWrite? history) =>
        WriteAsync("replace", current, updated, history, null);

    private async Task<OfferWriteOutcome> WriteAsync(string mode, StoredOffer? current, StoredOffer updated, OfferHistoryWrite? history, IdempotentCreate? create)
    {
        var before = current is null ? [] : OfferIndexes.EntriesOf(current).ToHashSet();
        var after = OfferIndexes.EntriesOf(updated).ToHashSet();
        var changes = before.Except(after).Select(entry => (entry.Key, Change: "-" + entry.Member))
            .Concat(after.Except(before).Select(entry => (entry.Key, Change: $"+{entry.Score} {entry.Member}")))
            .ToList();
        var offerKey = KeyOf(updated.RequestId, updated.Id);
        RedisKey[] keys =
        [
            offerKey,
            RedisAssistanceRequestRepository.KeyOf(updated.RequestId),
            RedisAssistanceRequestRepository.HistoryKeyOf(updated.RequestId),
            create?.KeyIn(Collection) ?? offerKey,
            .. changes.Select(change => change.Key),
        ];
        RedisValue[] arguments =
        [
            mode,
            current?.Etag ?? "",
            history?.Current.Etag ?? "",
            JsonSerializer.SerializeToUtf8Bytes(updated, AssistanceJsonContext.Default.StoredOffer),
            history is null ? "" : JsonSerializer.SerializeToUtf8Bytes(history.Updated, AssistanceJsonContext.Default.StoredAssistanceRequest),
            history is null ? "" : JsonSerializer.SerializeToUtf8Bytes(history.Entry, AssistanceJsonContext.Default.StoredHistoryEntry),
            updated.Id,
            create is null ? "0" : "1",
            .. changes.Select(change => (RedisValue)change.Change),
            create?.Fingerprint ?? "",
        ];
        var reply = await ScriptReply.RunScriptAsync(database, AssistanceScripts.OfferWrite, keys, arguments);
        return reply.Status switch
        {
            "CREATED" or "REPLACED" => new OfferWriteOutcome.Written(updated),
            "EXISTING" => new OfferWriteOutcome.Existing(reply.Text(0)),
            "NOT_FOUND" => new OfferWriteOutcome.NotFound(),
            "STALE" => new OfferWriteOutcome.OfferStale(),
            "REQUEST_STALE" => new OfferWriteOutcome.RequestStale(),
            _ => throw reply.Unexpected("offer-write"),
        };
    }

    private static RedisKey KeyOf(string requestId, string offerId) => $"requests:{requestId}:offers:{offerId}";

    private static StoredOffer? Deserialize(RedisValue value) =>
        value.IsNull ? null : JsonSerializer.Deserialize((ReadOnlySpan<byte>)(byte[])value!, AssistanceJsonContext.Default.StoredOffer);
}

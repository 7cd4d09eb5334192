using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using CapacityBuilding.ServiceDefaults.Redis.Scripts;
using StackExchange.Redis;

namespace CapacityBuilding.ServiceDefaults.Redis;

/// <summary>
/// Stores JSON documents of one type with a lexicographic index for keyset paging. The callers
/// (one repository per aggregate) own and document their key layout; this class owns the Redis
/// operations, so that every create is one atomic script and every page is two round trips,
/// whatever the number of stored documents.
/// </summary>
public sealed class RedisJsonStore<T>(RedisKeyspace keyspace, JsonTypeInfo<T> typeInfo)
    where T : class
{
    private readonly IDatabase database = keyspace.Database;

    /// <summary>
    /// Creates the document and returns it, unless <paramref name="create"/> ran before in
    /// <paramref name="collection"/>: then it changes nothing and returns the document that first
    /// call created.
    /// </summary>
    public async Task<T> CreateAsync(Func<string, RedisKey> documentKeyOf, RedisKey indexKey, string id, T document, string collection, IdempotentCreate? create)
    {
        var idempotencyKey = create?.KeyIn(collection);
        RedisKey[] keys = idempotencyKey is { } key ? [documentKeyOf(id), indexKey, key] : [documentKeyOf(id), indexKey];
        var json = JsonSerializer.SerializeToUtf8Bytes(document, typeInfo);
        var reply = await ScriptReply.RunScriptAsync(database, RedisJsonStoreScripts.Create, keys, [id, json, create?.Fingerprint ?? ""]);
        if (reply.Status == "CREATED")
        {
            return document;
        }

        return await GetAsync(documentKeyOf(reply.Text(0)))
            ?? throw new InvalidOperationException($"Idempotency key {idempotencyKey} points at a missing document.");
    }

    public async Task<T?> GetAsync(RedisKey documentKey)
    {
        var value = await database.StringGetAsync(documentKey);
        return Deserialize(value);
    }

    public async Task<IReadOnlyList<T?>> GetManyAsync(RedisKey[] documentKeys)
    {
        if (documentKeys.Length == 0)
        {
            return [];
        }

        var values = await database.StringGetAsync(documentKeys);
        return [.. values.Select(Deserialize)];
    }

    /// <summary>
    /// One page of ids from <paramref name="indexKey"/> in descending order (ids sort by creation
    /// time, so newest first), starting after <paramref name="afterId"/>. Documents created while
    /// a client pages sort before its position, so it sees no item twice and skips none it had
    /// not reached.
    /// </summary>
    public async Task<(IReadOnlyList<T> Items, string? LastId)> ListNewestFirstAsync(
        RedisKey indexKey, Func<string, RedisKey> documentKeyOf, int pageSize, string? afterId)
    {
        // ZREVRANGEBYLEX from just below the last id seen (or the top) down to the bottom.
        var from = afterId is null ? "+" : "(" + afterId;
        var ids = (RedisValue[])(await database.ExecuteAsync("ZREVRANGEBYLEX", indexKey, from, "-", "LIMIT", 0, pageSize + 1))!;
        var pageIds = ids.Take(pageSize).Select(id => (string)id!).ToArray();
        var documents = await GetManyAsync([.. pageIds.Select(documentKeyOf)]);
        var items = documents.OfType<T>().ToList();
        var hasMore = ids.Length > pageSize;
        return (items, hasMore ? pageIds[^1] : null);
    }

    private T? Deserialize(RedisValue value) =>
        value.IsNull ? null : JsonSerializer.Deserialize((ReadOnlySpan<byte>)(byte[])value!, typeInfo);
}

using StackExchange.Redis;

namespace CapacityBuilding.Tests.Infrastructure;

/// <summary>
/// Reads the assistance service's keys straight from Redis (the layout its repository documents)
/// and lists every sign of a partial write: an indexed id without its document, a document
/// missing from the index or without its history, a history without its document, an
/// idempotency key pointing at nothing. Filter and priority indexes are not audited here.
/// </summary>
internal static partial class AssistanceKeyspaceAudit
{
    private const string Prefix = "assistance:requests:";

    [System.Text.RegularExpressions.GeneratedRegex("^[0-9a-f]{32}$")]
    private static partial System.Text.RegularExpressions.Regex DocumentId();

    [System.Text.RegularExpressions.GeneratedRegex("^([0-9a-f]{32}):history$")]
    private static partial System.Text.RegularExpressions.Regex HistoryOf();

    public static async Task<IReadOnlyList<string>> PartialWritesAsync(string redisConnectionString)
    {
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redisConnectionString);
        var database = connection.GetDatabase();
        var server = connection.GetServers()[0];

        var indexed = (await database.SortedSetRangeByRankAsync(Prefix + "index")).Select(id => (string)id!).ToHashSet();
        var documents = new HashSet<string>();
        var histories = new HashSet<string>();
        var idempotencyTargets = new List<(string Key, string Id)>();
        await foreach (var key in server.KeysAsync(pattern: Prefix + "*", pageSize: 1000))
        {
            var rest = ((string)key!)[Prefix.Length..];
            if (rest.StartsWith("request-ids:", StringComparison.Ordinal))
            {
                idempotencyTargets.Add((key!, await RememberedIdAsync(database, key)));
            }
            else if (DocumentId().IsMatch(rest))
            {
                documents.Add(rest);
            }
            else if (HistoryOf().Match(rest) is { Success: true } history)
            {
                histories.Add(history.Groups[1].Value);
            }
        }

        return
        [
            .. indexed.Except(documents).Select(id => $"index entry {id} has no document"),
            .. documents.Except(indexed).Select(id => $"document {id} is not indexed"),
            .. documents.Except(histories).Select(id => $"document {id} has no history"),
            .. histories.Except(documents).Select(id => $"history of {id} has no document"),
            .. idempotencyTargets.Where(target => !documents.Contains(target.Id)).Select(target => $"{target.Key} points at missing {target.Id}"),
        ];
    }

    /// <summary>How many stored requests carry each title, read in Redis itself.</summary>
    public static async Task<IReadOnlyDictionary<string, int>> CountByTitleAsync(string redisConnectionString)
    {
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redisConnectionString);
        var database = connection.GetDatabase();
        var server = connection.GetServers()[0];
        var documentKeys = new List<RedisKey>();
        await foreach (var key in server.KeysAsync(pattern: Prefix + "*", pageSize: 1000))
        {
            if (DocumentId().IsMatch(((string)key!)[Prefix.Length..]))
            {
                documentKeys.Add(key);
            }
        }

        var counts = new Dictionary<string, int>();
        foreach (var chunk in documentKeys.Chunk(500))
        {
            foreach (var json in await database.StringGetAsync(chunk))
            {
                using var document = System.Text.Json.JsonDocument.Parse((string)json!);
                var title = document.RootElement.GetProperty("Title").GetString()!;
                counts[title] = counts.GetValueOrDefault(title) + 1;
            }
        }

        return counts;
    }

    public static async Task<int> CountTitledAsync(string redisConnectionString, string title) =>
        (await CountByTitleAsync(redisConnectionString)).GetValueOrDefault(title);

    // A create claims its request id as the string '{fingerprint} {id}'; keys remembered before that are hashes.
    private static async Task<string> RememberedIdAsync(IDatabase database, RedisKey key) =>
        await database.KeyTypeAsync(key) == RedisType.Hash
            ? (string)(await database.HashGetAsync(key, "id"))!
            : ((string)(await database.StringGetAsync(key))!).Split(' ')[1];
}

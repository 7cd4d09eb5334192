using CapacityBuilding.ServiceDefaults.Resources;
using StackExchange.Redis;

namespace CapacityBuilding.Benchmarks.Seeding;

/// <summary>
/// Grows a store of requests the service itself created (case 16's varied ones) to a large count
/// by pipelined copies: each copy is one of those requests' documents under a new id, added to
/// every listing index (<c>assistance:requests:index*</c>, <c>assistance:requests:priority-index*</c>)
/// its original is in, with the same member prefix. The indexes are read from Redis, not
/// rebuilt here, so copies are listed exactly as the service lists its own requests whatever
/// indexes it keeps.
/// </summary>
internal sealed class IndexedCopySeeder(IConnectionMultiplexer redis)
{
    private const string Prefix = "assistance:requests:";
    private const int Batch = 500;
    private static readonly RedisKey AllRequests = Prefix + "index";

    private readonly IDatabase database = redis.GetDatabase();

    /// <summary>Copies the requests stored now, round robin, until <paramref name="target"/> are stored.</summary>
    public async Task SeedUntilAsync(long target)
    {
        var originals = await OriginalsAsync();
        var missing = target - await database.SortedSetLengthAsync(AllRequests);
        for (long done = 0; done < missing; done += Batch)
        {
            var batch = database.CreateBatch();
            var writes = new List<Task>();
            for (var i = 0; i < Math.Min(Batch, missing - done); i++)
            {
                var original = originals[(int)((done + i) % originals.Count)];
                var id = ResourceIds.New();
                writes.Add(batch.StringSetAsync(Prefix + id, original.Document.Replace(original.Id, id, StringComparison.Ordinal)));
                writes.AddRange(original.Memberships.Select(membership => batch.SortedSetAddAsync(membership.Index, membership.MemberPrefix + id, 0)));
            }

            batch.Execute();
            await Task.WhenAll(writes);
        }
    }

    /// <summary>Every stored request with its document and the (index, member prefix) pairs that list it.</summary>
    private async Task<List<Original>> OriginalsAsync()
    {
        var memberships = new Dictionary<string, List<(RedisKey Index, string MemberPrefix)>>(StringComparer.Ordinal);
        var server = redis.GetServers()[0];
        var indexes = server.KeysAsync(pattern: Prefix + "index*").Concat(server.KeysAsync(pattern: Prefix + "priority-index*"));
        await foreach (var index in indexes)
        {
            foreach (var member in await database.SortedSetRangeByRankAsync(index))
            {
                var text = (string)member!;
                // A member is the id, or a fixed-width prefix and the id (32 hex digits) at its end.
                var id = text[^32..];
                memberships.TryAdd(id, []);
                memberships[id].Add((index, text[..^32]));
            }
        }

        var originals = new List<Original>();
        foreach (var (id, lists) in memberships)
        {
            var document = (string?)await database.StringGetAsync(Prefix + id) ?? throw new InvalidOperationException($"Request {id} is indexed but not stored.");
            originals.Add(new Original(id, document, lists));
        }

        return originals;
    }

    private sealed record Original(string Id, string Document, List<(RedisKey Index, string MemberPrefix)> Memberships);
}

using System.Buffers.Text;
using System.Globalization;
using System.Text;
using CapacityBuilding.ServiceDefaults.Paging;
using CapacityBuilding.ServiceDefaults.Resources;
using StackExchange.Redis;

namespace CapacityBuilding.Benchmarks.Seeding;

/// <summary>
/// Fills Redis with assistance requests by pipelined writes of the keys the assistance repository
/// documents (<c>assistance:requests:{id}</c> holding the JSON, <c>assistance:requests:index</c>
/// the sorted set of ids). Each document is a copy of one the service itself stored, with a new
/// id, so the service reads seeded requests exactly as its own.
/// </summary>
internal sealed class RequestSeeder(IConnectionMultiplexer redis, string templateId)
{
    private const string Prefix = "assistance:requests:";
    private const int Batch = 10_000;
    private static readonly RedisKey Index = Prefix + "index";

    private readonly IDatabase database = redis.GetDatabase();

    public async Task<long> CountAsync() => await database.SortedSetLengthAsync(Index);

    /// <summary>Adds requests until <paramref name="target"/> are stored; returns how many it added.</summary>
    public async Task<long> SeedUntilAsync(long target)
    {
        var template = (string?)await database.StringGetAsync(Prefix + templateId)
            ?? throw new InvalidOperationException($"Template request {templateId} is not stored.");
        var missing = target - await CountAsync();
        for (long done = 0; done < missing; done += Batch)
        {
            var batch = database.CreateBatch();
            var writes = new List<Task>(2 * Batch);
            for (var i = 0; i < Math.Min(Batch, missing - done); i++)
            {
                var id = ResourceIds.New();
                writes.Add(batch.StringSetAsync(Prefix + id, template.Replace(templateId, id, StringComparison.Ordinal)));
                writes.Add(batch.SortedSetAddAsync(Index, id, 0));
            }

            batch.Execute();
            await Task.WhenAll(writes);
        }

        return Math.Max(0, missing);
    }

    /// <summary>
    /// A page token for the last full page (the oldest requests), as the service would issue it:
    /// with the listing scope read from <paramref name="issuedToken"/>, a token the service gave
    /// for the unfiltered listing, so that it follows whatever the service puts in a scope.
    /// </summary>
    public async Task<string> DeepPageTokenAsync(int pageSize, string issuedToken)
    {
        var scope = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(issuedToken)).Split('\n')[1];
        var after = await database.SortedSetRangeByRankAsync(Index, pageSize, pageSize);
        return PageTokens.Encode((string)after.Single()!, scope);
    }

    /// <summary>Redis's <c>used_memory</c>, in bytes.</summary>
    public async Task<long> UsedMemoryAsync()
    {
        var info = await redis.GetServers()[0].InfoAsync("memory");
        var usedMemory = info.SelectMany(group => group).First(pair => pair.Key == "used_memory").Value;
        return long.Parse(usedMemory, CultureInfo.InvariantCulture);
    }
}

using CapacityBuilding.Funding.Domain.Donors;
using CapacityBuilding.ServiceDefaults.Redis;
using StackExchange.Redis;

namespace CapacityBuilding.Funding.Repositories;

/// <summary>
/// Donors in Redis. Keys, all under the service's <c>funding:</c> prefix:
/// <list type="bullet">
/// <item><c>donors:{id}</c>: the donor, JSON (<see cref="StoredDonor"/>).</item>
/// <item><c>donors:index</c>: sorted set of all donor ids, score 0 (lexicographic = creation order).</item>
/// <item><c>donors:request-ids:{scope}</c>: the id a create with that request id made and its fingerprint (<see cref="IdempotentCreate"/>).</item>
/// </list>
/// </summary>
public sealed class RedisDonorRepository(RedisKeyspace keyspace)
{
    private static readonly RedisKey Index = "donors:index";

    private readonly RedisJsonStore<StoredDonor> store = new(keyspace, FundingJsonContext.Default.StoredDonor);

    /// <summary>Stores the donor, or returns the one an earlier create with the same request id stored.</summary>
    public Task<StoredDonor> CreateAsync(StoredDonor donor, IdempotentCreate? create) =>
        store.CreateAsync(KeyOf, Index, donor.Id, donor, "donors", create);

    public Task<StoredDonor?> GetAsync(string id) => store.GetAsync(KeyOf(id));

    /// <summary>The donors with these ids that exist, by id, in one round trip.</summary>
    public async Task<IReadOnlyDictionary<string, StoredDonor>> GetManyAsync(IEnumerable<string> ids)
    {
        var found = await store.GetManyAsync([.. ids.Distinct(StringComparer.Ordinal).Select(KeyOf)]);
        return found.OfType<StoredDonor>().ToDictionary(donor => donor.Id, StringComparer.Ordinal);
    }

    public Task<(IReadOnlyList<StoredDonor> Items, string? LastId)> ListAsync(int pageSize, string? afterId) =>
        store.ListNewestFirstAsync(Index, KeyOf, pageSize, afterId);

    /// <summary>The ids of every donor (for programme summaries, which walk each donor's pledges).</summary>
    public async Task<IReadOnlyList<string>> AllIdsAsync()
    {
        var ids = await keyspace.Database.SortedSetRangeByRankAsync(Index);
        return [.. ids.Select(id => (string)id!)];
    }

    private static RedisKey KeyOf(string id) => $"donors:{id}";
}

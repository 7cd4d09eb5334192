using CapacityBuilding.Funding.Pledges;
using CapacityBuilding.ServiceDefaults.Redis;
using StackExchange.Redis;

namespace CapacityBuilding.Funding.Repositories;

/// <summary>
/// Pledges in Redis. Keys, all under the service's <c>funding:</c> prefix:
/// <list type="bullet">
/// <item><c>pledges:{id}</c>: the pledge, JSON (<see cref="StoredPledge"/>); ids are unique
/// across donors, the donor id is inside.</item>
/// <item><c>donors:{donor}:pledges</c>: sorted set of that donor's pledge ids, score 0
/// (lexicographic = creation order).</item>
/// <item><c>pledges:idempotency:{request_id}</c>: the id a create with that request id made.</item>
/// </list>
/// </summary>
public sealed class RedisPledgeRepository(RedisKeyspace keyspace)
{
    private readonly RedisJsonStore<StoredPledge> store = new(keyspace, FundingJsonContext.Default.StoredPledge);

    /// <summary>Stores the pledge, or returns the one an earlier create with the same request id stored.</summary>
    public Task<StoredPledge> CreateAsync(StoredPledge pledge, string requestId) =>
        store.CreateAsync(KeyOf, DonorIndexOf(pledge.DonorId), pledge.Id, pledge, IdempotencyKeys.Of("pledges", requestId));

    /// <summary>The pledge, or null when it does not exist or belongs to another donor.</summary>
    public async Task<StoredPledge?> GetAsync(string donorId, string id)
    {
        var pledge = await store.GetAsync(KeyOf(id));
        return pledge?.DonorId == donorId ? pledge : null;
    }

    public Task<(IReadOnlyList<StoredPledge> Items, string? LastId)> ListAsync(string donorId, int pageSize, string? afterId) =>
        store.ListNewestFirstAsync(DonorIndexOf(donorId), KeyOf, pageSize, afterId);

    private static RedisKey KeyOf(string id) => $"pledges:{id}";

    private static RedisKey DonorIndexOf(string donorId) => $"donors:{donorId}:pledges";
}

using CapacityBuilding.Assistance.Requests;
using CapacityBuilding.ServiceDefaults.Redis;
using StackExchange.Redis;

namespace CapacityBuilding.Assistance.Repositories;

/// <summary>
/// Assistance requests in Redis. Keys, all under the service's <c>assistance:</c> prefix:
/// <list type="bullet">
/// <item><c>requests:{id}</c>: the request, JSON (<see cref="StoredAssistanceRequest"/>).</item>
/// <item><c>requests:index</c>: sorted set of all request ids, score 0, so ids order
/// lexicographically, which is creation order.</item>
/// <item><c>requests:idempotency:{request_id}</c>: the id a create with that request id made.</item>
/// </list>
/// </summary>
public sealed class RedisAssistanceRequestRepository(RedisKeyspace keyspace)
{
    private static readonly RedisKey Index = "requests:index";

    private readonly RedisJsonStore<StoredAssistanceRequest> store = new(keyspace, AssistanceJsonContext.Default.StoredAssistanceRequest);

    /// <summary>Stores the request, or returns the one an earlier create with the same request id stored.</summary>
    public Task<StoredAssistanceRequest> CreateAsync(StoredAssistanceRequest value, string requestId) =>
        store.CreateAsync(KeyOf, Index, value.Id, value, IdempotencyKeys.Of("requests", requestId));

    public Task<StoredAssistanceRequest?> GetAsync(string id) => store.GetAsync(KeyOf(id));

    public Task<(IReadOnlyList<StoredAssistanceRequest> Items, string? LastId)> ListAsync(int pageSize, string? afterId) =>
        store.ListNewestFirstAsync(Index, KeyOf, pageSize, afterId);

    private static RedisKey KeyOf(string id) => $"requests:{id}";
}

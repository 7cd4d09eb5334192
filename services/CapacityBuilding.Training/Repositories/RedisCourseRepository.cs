using CapacityBuilding.ServiceDefaults.Redis;
using CapacityBuilding.Training.Courses;
using StackExchange.Redis;

namespace CapacityBuilding.Training.Repositories;

/// <summary>
/// Courses in Redis. Keys, all under the service's <c>training:</c> prefix:
/// <list type="bullet">
/// <item><c>courses:{id}</c>: the course, JSON (<see cref="StoredCourse"/>).</item>
/// <item><c>courses:index</c>: sorted set of all course ids, score 0, so ids order
/// lexicographically, which is creation order.</item>
/// <item><c>courses:idempotency:{request_id}</c>: the id a create with that request id made.</item>
/// </list>
/// </summary>
public sealed class RedisCourseRepository(RedisKeyspace keyspace)
{
    private static readonly RedisKey Index = "courses:index";

    private readonly RedisJsonStore<StoredCourse> store = new(keyspace, TrainingJsonContext.Default.StoredCourse);

    /// <summary>Stores the course, or returns the one an earlier create with the same request id stored.</summary>
    public Task<StoredCourse> CreateAsync(StoredCourse value, string requestId) =>
        store.CreateAsync(KeyOf, Index, value.Id, value, IdempotencyKeys.Of("courses", requestId));

    public Task<StoredCourse?> GetAsync(string id) => store.GetAsync(KeyOf(id));

    public Task<IReadOnlyList<StoredCourse?>> GetManyAsync(IReadOnlyList<string> ids) =>
        store.GetManyAsync([.. ids.Select(KeyOf)]);

    public Task<(IReadOnlyList<StoredCourse> Items, string? LastId)> ListAsync(int pageSize, string? afterId) =>
        store.ListNewestFirstAsync(Index, KeyOf, pageSize, afterId);

    private static RedisKey KeyOf(string id) => $"courses:{id}";
}

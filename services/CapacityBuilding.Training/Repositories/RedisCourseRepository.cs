using System.Text.Json;
using CapacityBuilding.ServiceDefaults.Redis;
using CapacityBuilding.Training.Domain.Courses;
using CapacityBuilding.Training.Domain.Search;
using CapacityBuilding.Training.Repositories.Scripts;
using StackExchange.Redis;

namespace CapacityBuilding.Training.Repositories;

/// <summary>
/// Courses in Redis. Keys, all under the service's <c>training:</c> prefix:
/// <list type="bullet">
/// <item><c>courses:{id}</c>: the course, JSON (<see cref="StoredCourse"/>).</item>
/// <item><c>courses:index</c>: sorted set of all course ids, score 0, so ids order
/// lexicographically, which is creation order.</item>
/// <item><c>courses:request-ids:{scope}</c>: the id a create with that request id made and its fingerprint (<see cref="IdempotentCreate"/>).</item>
/// <item><c>courses:by-theme|by-language|by-level|by-mode|by-audience|by-status|by-word:{value}</c>:
/// sets of the ids of the courses with that value (<see cref="CourseIndexKeys"/>), changed in the
/// same script as the document.</item>
/// <item><c>courses:search:scratch:{n}</c>: scratch sorted sets of the search script, deleted
/// before it returns.</item>
/// </list>
/// </summary>
public sealed class RedisCourseRepository(RedisKeyspace keyspace)
{
    private static readonly RedisKey Index = "courses:index";
    private static readonly RedisKey SearchResult = "courses:search:scratch:result";

    private readonly IDatabase database = keyspace.Database;
    private readonly RedisJsonStore<StoredCourse> store = new(keyspace, TrainingJsonContext.Default.StoredCourse);

    /// <summary>Stores the course and indexes it, or returns the one an earlier create with the same request id stored.</summary>
    public async Task<StoredCourse> CreateAsync(StoredCourse course, IdempotentCreate? create)
    {
        var indexKeys = CourseIndexKeys.Of(course).Select(key => (RedisKey)key).ToList();
        List<RedisKey> keys = [KeyOf(course.Id), Index, .. indexKeys];
        if (create is not null)
        {
            keys.Add(create.KeyIn("courses"));
        }

        var json = JsonSerializer.SerializeToUtf8Bytes(course, TrainingJsonContext.Default.StoredCourse);
        var reply = await ScriptReply.RunScriptAsync(database, TrainingScripts.CourseCreate, [.. keys], [course.Id, json, indexKeys.Count, create?.Fingerprint ?? ""]);
        if (reply.Status == "CREATED")
        {
            return course;
        }

        return await GetAsync(reply.Text(0))
            ?? throw new InvalidOperationException($"Idempotency key {create} points at a missing course.");
    }

    public Task<StoredCourse?> GetAsync(string id) => store.GetAsync(KeyOf(id));

    public Task<IReadOnlyList<StoredCourse?>> GetManyAsync(IReadOnlyList<string> ids) =>
        store.GetManyAsync([.. ids.Select(KeyOf)]);

    public Task<(IReadOnlyList<StoredCourse> Items, string? LastId)> ListAsync(int pageSize, string? afterId) =>
        store.ListNewestFirstAsync(Index, KeyOf, pageSize, afterId);

    /// <summary>
    /// Replaces <paramref name="current"/> by <paramref name="updated"/> unless the stored course
    /// no longer carries <paramref name="current"/>'s etag; moves the course between index sets.
    /// </summary>
    public async Task<ReplaceOutcome<StoredCourse>> ReplaceAsync(StoredCourse current, StoredCourse updated)
    {
        var before = CourseIndexKeys.Of(current);
        var after = CourseIndexKeys.Of(updated);
        var leave = before.Except(after).Select(key => (RedisKey)key).ToList();
        var join = after.Except(before).Select(key => (RedisKey)key);
        RedisKey[] keys = [KeyOf(current.Id), .. leave, .. join];
        var json = JsonSerializer.SerializeToUtf8Bytes(updated, TrainingJsonContext.Default.StoredCourse);
        var reply = await ScriptReply.RunScriptAsync(database, TrainingScripts.DocumentReplace, keys, [current.Id, current.Etag, json, leave.Count]);
        return reply.ToReplaceOutcome(updated);
    }

    /// <summary>
    /// The ids of one page of the courses matching <paramref name="search"/>, newest first,
    /// starting after <paramref name="afterId"/>, and how many match in all.
    /// </summary>
    public async Task<(IReadOnlyList<string> Ids, int Total)> SearchAsync(CourseSearch search, int count, string? afterId)
    {
        var from = afterId is null ? "+" : "(" + afterId;
        if (search.Groups.Count == 0)
        {
            var all = (RedisValue[])(await database.ExecuteAsync("ZREVRANGEBYLEX", Index, from, "-", "LIMIT", 0, count))!;
            var size = await database.SortedSetLengthAsync(Index);
            return ([.. all.Select(id => (string)id!)], (int)size);
        }

        List<RedisKey> keys = [SearchResult, .. search.Groups.Select((_, index) => (RedisKey)$"courses:search:scratch:{index}")];
        keys.AddRange(search.Groups.SelectMany(group => group).Select(key => (RedisKey)key));
        List<RedisValue> arguments = [from, count, search.Groups.Count, .. search.Groups.Select(group => (RedisValue)group.Count)];
        var result = (RedisResult[])(await database.ScriptEvaluateAsync(TrainingScripts.CourseSearch, [.. keys], [.. arguments]))!;
        return ([.. result.Skip(1).Select(id => (string)id!)], (int)result[0]);
    }

    private static RedisKey KeyOf(string id) => $"courses:{id}";
}

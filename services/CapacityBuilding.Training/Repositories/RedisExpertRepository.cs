using System.Text.Json;
using CapacityBuilding.Contracts.Common.V1;
using CapacityBuilding.ServiceDefaults.Redis;
using CapacityBuilding.Training.Domain.Experts;
using CapacityBuilding.Training.Repositories.Scripts;
using StackExchange.Redis;

namespace CapacityBuilding.Training.Repositories;

/// <summary>
/// The roster of experts in Redis. Keys, under the <c>training:</c> prefix:
/// <list type="bullet">
/// <item><c>experts:{id}</c>: the expert, JSON (<see cref="StoredExpert"/>).</item>
/// <item><c>experts:index</c>: sorted set of all expert ids, score 0 (creation order).</item>
/// <item><c>experts:by-theme:{area}</c>: set of the ids of the experts knowing that area, changed in
/// the same script as the document; matching starts from them.</item>
/// <item><c>experts:{id}:bookings</c>: hash from event id to the days and country of each event
/// that is not cancelled and books the expert (<see cref="ExpertBooking"/>), written only by the
/// event scripts (<see cref="EventKeys.Bookings"/>).</item>
/// <item><c>experts:request-ids:{scope}</c>: the id a create with that request id made and its fingerprint (<see cref="IdempotentCreate"/>).</item>
/// </list>
/// </summary>
public sealed class RedisExpertRepository(RedisKeyspace keyspace)
{
    private static readonly RedisKey Index = "experts:index";

    private readonly IDatabase database = keyspace.Database;
    private readonly RedisJsonStore<StoredExpert> store = new(keyspace, TrainingJsonContext.Default.StoredExpert);

    /// <summary>
    /// Stores the expert with its theme index entries, or returns the one an earlier create with the
    /// same request id stored: the course create script, which makes any document with its index sets.
    /// </summary>
    public async Task<StoredExpert> CreateAsync(StoredExpert expert, IdempotentCreate? create)
    {
        var themeKeys = ThemeKeysOf(expert);
        List<RedisKey> keys = [KeyOf(expert.Id), Index, .. themeKeys];
        if (create is not null)
        {
            keys.Add(create.KeyIn("experts"));
        }

        var json = JsonSerializer.SerializeToUtf8Bytes(expert, TrainingJsonContext.Default.StoredExpert);
        var reply = await ScriptReply.RunScriptAsync(database, TrainingScripts.CourseCreate, [.. keys], [expert.Id, json, themeKeys.Count, create?.Fingerprint ?? ""]);
        if (reply.Status == "CREATED")
        {
            return expert;
        }

        return await GetAsync(reply.Text(0))
            ?? throw new InvalidOperationException($"Idempotency key {create} points at a missing expert.");
    }

    public Task<StoredExpert?> GetAsync(string id) => store.GetAsync(KeyOf(id));

    public Task<IReadOnlyList<StoredExpert?>> GetManyAsync(IReadOnlyList<string> ids) => store.GetManyAsync([.. ids.Select(KeyOf)]);

    public Task<(IReadOnlyList<StoredExpert> Items, string? LastId)> ListAsync(int pageSize, string? afterId) =>
        store.ListNewestFirstAsync(Index, KeyOf, pageSize, afterId);

    /// <summary>Replaces the expert unless it changed since <paramref name="current"/> was read; moves it between theme sets.</summary>
    public async Task<ReplaceOutcome<StoredExpert>> ReplaceAsync(StoredExpert current, StoredExpert updated)
    {
        var before = ThemeKeysOf(current);
        var after = ThemeKeysOf(updated);
        var leave = before.Except(after).ToList();
        RedisKey[] keys = [KeyOf(current.Id), .. leave, .. after.Except(before)];
        var json = JsonSerializer.SerializeToUtf8Bytes(updated, TrainingJsonContext.Default.StoredExpert);
        var reply = await ScriptReply.RunScriptAsync(database, TrainingScripts.DocumentReplace, keys, [current.Id, current.Etag, json, leave.Count]);
        return reply.ToReplaceOutcome(updated);
    }

    /// <summary>The ids of the experts knowing any of <paramref name="themes"/>.</summary>
    public async Task<IReadOnlyList<string>> IdsKnowingAsync(IReadOnlyList<ThematicArea> themes)
    {
        var ids = await database.SetCombineAsync(SetOperation.Union, [.. themes.Select(ThemeKey)]);
        return [.. ids.Select(id => (string)id!)];
    }

    /// <summary>The events booking each expert, in one batch.</summary>
    public async Task<IReadOnlyList<IReadOnlyList<ExpertBooking>>> BookingsAsync(IReadOnlyList<string> expertIds)
    {
        var batch = database.CreateBatch();
        var reads = expertIds.Select(id => batch.HashGetAllAsync(EventKeys.Bookings(id))).ToList();
        batch.Execute();
        await Task.WhenAll(reads);
        return [.. reads.Select(read => (IReadOnlyList<ExpertBooking>)[.. read.Result.Select(entry => ExpertBooking.FromIndex(entry.Name!, entry.Value!))])];
    }

    private static List<RedisKey> ThemeKeysOf(StoredExpert expert) => [.. expert.ThematicAreas.Select(ThemeKey)];

    private static RedisKey ThemeKey(ThematicArea area) => $"experts:by-theme:{(int)area}";

    private static RedisKey KeyOf(string id) => $"experts:{id}";
}

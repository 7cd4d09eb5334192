using System.Text.Json;
using CapacityBuilding.Assistance.Domain.Convention;
using CapacityBuilding.Assistance.Repositories.Scripts;
using CapacityBuilding.ServiceDefaults.Redis;
using StackExchange.Redis;

namespace CapacityBuilding.Assistance.Repositories;

/// <summary>
/// The states' statuses toward the Convention. One key under the service's prefix:
/// <c>convention-statuses</c>, a hash from ISO 3166-1 alpha-3 code to the status's JSON
/// (<see cref="StoredConventionStatus"/>); a code list of at most a few hundred entries, read whole.
/// Writes are conditional on the version they were computed from (<c>Scripts/convention-status-write.lua</c>).
/// </summary>
public sealed class RedisConventionStatusRepository(RedisKeyspace keyspace)
{
    private static readonly RedisKey Key = "convention-statuses";

    private readonly IDatabase database = keyspace.Database;

    public async Task<StoredConventionStatus?> GetAsync(string country) => Deserialize(await database.HashGetAsync(Key, country));

    /// <summary>Every status, by country code.</summary>
    public async Task<IReadOnlyList<StoredConventionStatus>> ListAsync() =>
        [.. (await database.HashGetAllAsync(Key)).Select(entry => Deserialize(entry.Value)!).OrderBy(status => status.Country, StringComparer.Ordinal)];

    /// <summary>Stores <paramref name="updated"/> if the stored status is still <paramref name="current"/> (none when null); false when it changed since.</summary>
    public async Task<bool> WriteAsync(StoredConventionStatus? current, StoredConventionStatus updated)
    {
        var reply = await ScriptReply.RunScriptAsync(database, AssistanceScripts.ConventionStatusWrite, [Key],
            [updated.Country, current?.Etag ?? "", JsonSerializer.SerializeToUtf8Bytes(updated, AssistanceJsonContext.Default.StoredConventionStatus)]);
        return reply.Status switch
        {
            "WRITTEN" => true,
            "STALE" => false,
            _ => throw reply.Unexpected("convention-status-write"),
        };
    }

    private static StoredConventionStatus? Deserialize(RedisValue value) =>
        value.IsNull ? null : JsonSerializer.Deserialize((ReadOnlySpan<byte>)(byte[])value!, AssistanceJsonContext.Default.StoredConventionStatus);
}

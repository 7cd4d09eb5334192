using CapacityBuilding.ServiceDefaults.Redis.Scripts;
using StackExchange.Redis;

namespace CapacityBuilding.ServiceDefaults.Redis;

/// <summary>
/// Looks up what an earlier create with the same request id made, for a create that must skip
/// work on a retry before its script runs (the script checks again, atomically).
/// </summary>
public static class EarlierCreates
{
    /// <summary>The id <paramref name="create"/> made before in <paramref name="collection"/>, or null; throws <see cref="RequestIdReusedException"/> for a different request.</summary>
    public static async Task<string?> FindAsync(IDatabase database, string collection, IdempotentCreate? create)
    {
        if (create is null)
        {
            return null;
        }

        var reply = await ScriptReply.RunScriptAsync(database, RedisJsonStoreScripts.FindEarlierCreate, [create.KeyIn(collection)], [create.Fingerprint]);
        return reply.Status == "EXISTING" ? reply.Text(0) : null;
    }
}

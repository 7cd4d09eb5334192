using StackExchange.Redis;

namespace CapacityBuilding.ServiceDefaults.Redis;

/// <summary>
/// Where a create's client-chosen request id (AIP-155) is remembered: <c>{collection}:idempotency:{request_id}</c>,
/// holding the id of the resource that create made. Kept without expiry, so that a retry however
/// late never duplicates.
/// </summary>
public static class IdempotencyKeys
{
    /// <summary>The key for <paramref name="requestId"/>, or none when the client sent none.</summary>
    public static RedisKey? Of(string collection, string requestId) =>
        requestId.Length == 0 ? default(RedisKey?) : new RedisKey($"{collection}:idempotency:{requestId}");
}

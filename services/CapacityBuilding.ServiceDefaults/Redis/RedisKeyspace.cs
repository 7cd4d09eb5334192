using StackExchange.Redis;
using StackExchange.Redis.KeyspaceIsolation;

namespace CapacityBuilding.ServiceDefaults.Redis;

/// <summary>
/// The slice of Redis one service owns: every key it reads or writes starts with
/// <c>{service}:</c>, so the three services can share a server without touching each other's data.
/// </summary>
public sealed class RedisKeyspace(IConnectionMultiplexer connection, string serviceName)
{
    public string Prefix { get; } = serviceName + ":";

    public IDatabase Database { get; } = connection.GetDatabase().WithKeyPrefix(serviceName + ":");
}

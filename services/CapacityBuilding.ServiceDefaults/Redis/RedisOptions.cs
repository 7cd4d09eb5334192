namespace CapacityBuilding.ServiceDefaults.Redis;

/// <summary>Configuration section <c>Redis</c>.</summary>
public sealed class RedisOptions
{
    public const string SectionName = "Redis";

    /// <summary>
    /// A StackExchange.Redis configuration string, e.g. <c>localhost:6379</c>, or
    /// <c>redis.example.org:6380,ssl=true,sslHost=redis.example.org</c> for TLS.
    /// </summary>
    public string ConnectionString { get; set; } = "localhost:6379";

    /// <summary>
    /// The Redis ACL user this service signs in as (its own, confined to its key prefix), over any
    /// <c>user=</c> in <see cref="ConnectionString"/>. Kept apart so that the password can come
    /// from a Secret without being spliced into the connection string.
    /// </summary>
    public string? User { get; set; }

    /// <summary>That user's password, over any <c>password=</c> in <see cref="ConnectionString"/>.</summary>
    public string? Password { get; set; }
}

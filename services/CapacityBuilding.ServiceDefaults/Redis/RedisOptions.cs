namespace CapacityBuilding.ServiceDefaults.Redis;

/// <summary>Configuration section <c>Redis</c>.</summary>
public sealed class RedisOptions
{
    public const string SectionName = "Redis";

    /// <summary>A StackExchange.Redis configuration string, e.g. <c>localhost:6379,password=...</c>.</summary>
    public string ConnectionString { get; set; } = "localhost:6379";
}

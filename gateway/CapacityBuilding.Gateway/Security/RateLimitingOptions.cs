namespace CapacityBuilding.Gateway.Security;

/// <summary>Configuration section <c>RateLimiting</c>: a token bucket per caller.</summary>
public sealed class RateLimitingOptions
{
    public const string SectionName = "RateLimiting";

    /// <summary>Requests a caller may make at once (the bucket's size).</summary>
    public int BurstLimit { get; set; } = 200;

    /// <summary>Requests a caller may make per second, sustained.</summary>
    public int PermitsPerSecond { get; set; } = 100;
}

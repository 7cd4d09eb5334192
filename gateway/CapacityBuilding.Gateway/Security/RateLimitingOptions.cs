namespace CapacityBuilding.Gateway.Security;

/// <summary>
/// Configuration section <c>RateLimiting</c>: a token bucket per client address, taken before
/// authentication so that floods of anonymous or bad-token calls are limited too, and one per
/// caller once the token is known. Both are per gateway replica (docs/security.md).
/// </summary>
public sealed class RateLimitingOptions
{
    public const string SectionName = "RateLimiting";

    /// <summary>Requests a caller may make at once (the bucket's size).</summary>
    public int BurstLimit { get; set; } = 200;

    /// <summary>Requests a caller may make per second, sustained.</summary>
    public int PermitsPerSecond { get; set; } = 100;

    /// <summary>Requests one client address may make at once, whoever it says it is; larger than a caller's, as an office shares one address.</summary>
    public int PerAddressBurstLimit { get; set; } = 1000;

    /// <summary>Requests one client address may make per second, sustained.</summary>
    public int PerAddressPermitsPerSecond { get; set; } = 500;
}

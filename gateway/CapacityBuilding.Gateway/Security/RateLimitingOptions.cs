namespace CapacityBuilding.Gateway.Security;

/// <summary>
/// Configuration section <c>RateLimiting</c>: a token bucket per client address, taken before
/// authentication so that floods of anonymous or bad-token calls are limited too, one per caller
/// once the token is known, a smaller one per caller for the report routes (funding summary,
/// IATI export), which read every allocation, and one per address for the anonymous public routes. All are per gateway replica (docs/security.md).
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

    /// <summary>Report calls (route policy <c>reports</c>) a caller may make at once.</summary>
    public int ReportBurstLimit { get; set; } = 5;

    /// <summary>Report calls a caller may make per minute, sustained.</summary>
    public int ReportPermitsPerMinute { get; set; } = 30;

    /// <summary>Anonymous calls to the public routes (route policy <c>public</c>) one client address may make at once.</summary>
    public int PublicBurstLimit { get; set; } = 20;

    /// <summary>Public calls one client address may make per minute, sustained; conditional requests answered 304 count too.</summary>
    public int PublicPermitsPerMinute { get; set; } = 60;
}

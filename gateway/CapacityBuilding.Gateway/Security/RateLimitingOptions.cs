namespace CapacityBuilding.Gateway.Security;

/// <summary>
/// Configuration section <c>RateLimiting</c>: a token bucket per caller, and a smaller one per
/// caller for the report routes (funding summary, IATI export), which read every allocation and
/// cost far more than a call of the other routes.
/// </summary>
public sealed class RateLimitingOptions
{
    public const string SectionName = "RateLimiting";

    /// <summary>Requests a caller may make at once (the bucket's size).</summary>
    public int BurstLimit { get; set; } = 200;

    /// <summary>Requests a caller may make per second, sustained.</summary>
    public int PermitsPerSecond { get; set; } = 100;

    /// <summary>Report calls (route policy <c>reports</c>) a caller may make at once.</summary>
    public int ReportBurstLimit { get; set; } = 5;

    /// <summary>Report calls a caller may make per minute, sustained.</summary>
    public int ReportPermitsPerMinute { get; set; } = 30;
}

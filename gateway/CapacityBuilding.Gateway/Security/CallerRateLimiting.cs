using System.Globalization;
using System.Threading.RateLimiting;
using CapacityBuilding.ServiceDefaults.Configuration;
using CapacityBuilding.ServiceDefaults.Errors;
using CapacityBuilding.ServiceDefaults.Identity;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace CapacityBuilding.Gateway.Security;

/// <summary>
/// ASP.NET Core's rate limiter, one token bucket per caller: the token's subject when the caller
/// authenticated, else the client address, so one noisy caller cannot starve the others. Refused
/// gRPC calls get RESOURCE_EXHAUSTED, REST calls HTTP 429, both with a retry hint.
/// </summary>
public static class CallerRateLimiting
{
    public const string PolicyName = "per-caller";

    /// <summary>The report routes' policy: their own smaller bucket per caller, until reports stop reading every allocation.</summary>
    public const string ReportsPolicyName = "reports";

    public static IServiceCollection AddCallerRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<RateLimitingOptions, RateLimitingOptionsValidator>(configuration, RateLimitingOptions.SectionName);
        services.AddRateLimiter(limiter =>
            limiter.OnRejected = (context, cancellationToken) => WriteRejectionAsync(context.HttpContext, context.Lease, cancellationToken));
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitingOptions>>((limiter, rateLimiting) =>
        {
            var options = rateLimiting.Value;
            limiter.AddPolicy(PolicyName, context => BucketPerCaller(context, options.BurstLimit, options.PermitsPerSecond, TimeSpan.FromSeconds(1)));
            limiter.AddPolicy(ReportsPolicyName, context => BucketPerCaller(context, options.ReportBurstLimit, options.ReportPermitsPerMinute, TimeSpan.FromMinutes(1)));
        });
        return services;
    }

    private static RateLimitPartition<string> BucketPerCaller(HttpContext context, int burst, int permitsPerPeriod, TimeSpan period) =>
        RateLimitPartition.GetTokenBucketLimiter(PartitionKeyOf(context), _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = burst,
            TokensPerPeriod = permitsPerPeriod,
            ReplenishmentPeriod = period,
            QueueLimit = 0,
            AutoReplenishment = true,
        });

    private static string PartitionKeyOf(HttpContext context) =>
        context.User.FindFirst(CallerClaims.Subject)?.Value is { } subject
            ? "sub:" + subject
            : "ip:" + context.Connection.RemoteIpAddress;

    private static async ValueTask WriteRejectionAsync(HttpContext context, RateLimitLease lease, CancellationToken cancellationToken)
    {
        var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        context.Response.Headers.RetryAfter = seconds;
        await GrpcStatusResponses.WriteAsync(context, Grpc.Core.StatusCode.ResourceExhausted, StatusCodes.Status429TooManyRequests,
            ErrorReasons.RateLimitExceeded, $"Too many requests; retry after {seconds} s.", cancellationToken);
    }
}

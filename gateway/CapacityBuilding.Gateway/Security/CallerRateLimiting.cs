using CapacityBuilding.ServiceDefaults.Configuration;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace CapacityBuilding.Gateway.Security;

/// <summary>
/// ASP.NET Core's rate limiter, one token bucket per caller (<see cref="CallerPartition"/>): the
/// token's subject when the caller authenticated, else the client address, so one noisy caller
/// cannot starve the others. It runs
/// after authentication; <see cref="ClientAddressRateLimitMiddleware"/> limits each address before.
/// </summary>
public static class CallerRateLimiting
{
    public const string PolicyName = "per-caller";

    /// <summary>The report routes' policy: their own smaller bucket per caller, until reports stop reading every allocation.</summary>
    public const string ReportsPolicyName = "reports";

    /// <summary>The public routes' policy: anonymous readers, a bucket per client address (they have no token to tell them apart).</summary>
    public const string PublicPolicyName = "public";

    public static IServiceCollection AddCallerRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<RateLimitingOptions, RateLimitingOptionsValidator>(configuration, RateLimitingOptions.SectionName);
        services.AddRateLimiter(limiter =>
            limiter.OnRejected = (context, cancellationToken) => RateLimitRejection.WriteAsync(context.HttpContext, context.Lease, cancellationToken));
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitingOptions>>((limiter, rateLimiting) =>
        {
            var options = rateLimiting.Value;
            var perCaller = new TokenBuckets<CallerPartition>(options.BurstLimit, options.PermitsPerSecond, TimeSpan.FromSeconds(1));
            var reports = new TokenBuckets<CallerPartition>(options.ReportBurstLimit, options.ReportPermitsPerMinute, TimeSpan.FromMinutes(1));
            var anonymous = new TokenBuckets<CallerPartition>(options.PublicBurstLimit, options.PublicPermitsPerMinute, TimeSpan.FromMinutes(1));
            limiter.AddPolicy(PolicyName, context => perCaller.For(CallerPartition.Of(context)));
            limiter.AddPolicy(ReportsPolicyName, context => reports.For(CallerPartition.Of(context)));
            limiter.AddPolicy(PublicPolicyName, context => anonymous.For(CallerPartition.ByAddress(context)));
        });
        services.AddSingleton<ClientAddressRateLimiter>();
        return services;
    }
}

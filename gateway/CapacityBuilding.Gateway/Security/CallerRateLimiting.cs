using System.Threading.RateLimiting;
using CapacityBuilding.ServiceDefaults.Configuration;
using CapacityBuilding.ServiceDefaults.Identity;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace CapacityBuilding.Gateway.Security;

/// <summary>
/// ASP.NET Core's rate limiter, one token bucket per caller: the token's subject when the caller
/// authenticated, else the client address, so one noisy caller cannot starve the others. It runs
/// after authentication; <see cref="ClientAddressRateLimitMiddleware"/> limits each address before.
/// </summary>
public static class CallerRateLimiting
{
    public const string PolicyName = "per-caller";

    public static IServiceCollection AddCallerRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<RateLimitingOptions, RateLimitingOptionsValidator>(configuration, RateLimitingOptions.SectionName);
        services.AddRateLimiter(limiter =>
            limiter.OnRejected = (context, cancellationToken) => RateLimitRejection.WriteAsync(context.HttpContext, context.Lease, cancellationToken));
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitingOptions>>((limiter, rateLimiting) =>
        {
            var options = rateLimiting.Value;
            limiter.AddPolicy(PolicyName, context => RateLimitPartition.GetTokenBucketLimiter(PartitionKeyOf(context),
                _ => RateLimitRejection.Bucket(options.BurstLimit, options.PermitsPerSecond)));
        });
        services.AddSingleton<ClientAddressRateLimitMiddleware>();
        return services;
    }

    private static string PartitionKeyOf(HttpContext context) =>
        context.User.FindFirst(CallerClaims.Subject)?.Value is { } subject
            ? "sub:" + subject
            : "ip:" + context.Connection.RemoteIpAddress;
}

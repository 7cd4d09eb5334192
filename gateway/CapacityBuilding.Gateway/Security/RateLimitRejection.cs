using System.Globalization;
using System.Threading.RateLimiting;
using CapacityBuilding.ServiceDefaults.Errors;

namespace CapacityBuilding.Gateway.Security;

/// <summary>
/// The answer to a call over a rate limit, whichever bucket refused it: gRPC RESOURCE_EXHAUSTED,
/// REST HTTP 429, both with <c>RATE_LIMIT_EXCEEDED</c> and a retry hint.
/// </summary>
internal static class RateLimitRejection
{
    public static async ValueTask WriteAsync(HttpContext context, RateLimitLease lease, CancellationToken cancellationToken)
    {
        var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        context.Response.Headers.RetryAfter = seconds;
        await GrpcStatusResponses.WriteAsync(context, Grpc.Core.StatusCode.ResourceExhausted, StatusCodes.Status429TooManyRequests,
            ErrorReasons.RateLimitExceeded, $"Too many requests; retry after {seconds} s.", cancellationToken);
    }
}

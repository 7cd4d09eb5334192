using System.Globalization;
using System.Text.Json.Nodes;
using Grpc.Core;

namespace CapacityBuilding.Tests.DaprStandIn.Resiliency;

/// <summary>
/// A Resiliency retry policy as daprd decodes it: dapr/kit v0.16.1 <c>retry/retry.go</c>
/// (<c>DefaultConfig</c>: constant every 5s, or exponential from 500ms by 1.5 with ±50% jitter
/// up to <c>maxInterval</c>, 60s by default; <c>maxRetries</c> -1, unbounded, by default) and
/// dapr/dapr v1.16.19 <c>pkg/resiliency/retry.go</c> for <c>matching.gRPCStatusCodes</c> ("14",
/// "1-4,8"): a call that ended with a gRPC status is retried only when the status is listed,
/// or when nothing is listed; a failure without a status (an attempt that timed out) is always
/// retried.
/// </summary>
internal sealed class RetryPolicy(bool exponential, TimeSpan duration, TimeSpan maxInterval, int maxRetries, IReadOnlyList<(int From, int To)>? grpcStatusCodes)
{
    private static readonly TimeSpan InitialInterval = TimeSpan.FromMilliseconds(500);
    private const double Multiplier = 1.5;
    private const double RandomizationFactor = 0.5;

    public int MaxRetries { get; } = maxRetries;

    public static RetryPolicy Parse(string name, JsonNode spec)
    {
        var policy = spec["policy"]?.GetValue<string>() ?? "constant";
        if (policy is not ("constant" or "exponential"))
        {
            throw new InvalidDataException($"invalid retry configuration \"{name}\": unknown policy {policy}");
        }

        return new RetryPolicy(
            policy == "exponential",
            spec["duration"]?.GetValue<string>() is { } duration ? GoDuration.Parse(duration) : TimeSpan.FromSeconds(5),
            spec["maxInterval"]?.GetValue<string>() is { } maxInterval ? GoDuration.Parse(maxInterval) : TimeSpan.FromSeconds(60),
            spec["maxRetries"]?.GetValue<string>() is { } maxRetries ? int.Parse(maxRetries, CultureInfo.InvariantCulture) : -1,
            ParseCodes(spec["matching"]?["gRPCStatusCodes"]?.GetValue<string>()));
    }

    /// <summary>Whether a call that ended with <paramref name="status"/> may be tried again.</summary>
    public bool Retries(StatusCode status) =>
        grpcStatusCodes is null || grpcStatusCodes.Any(range => range.From <= (int)status && (int)status <= range.To);

    /// <summary>The wait before retry number <paramref name="retry"/> (1 for the first).</summary>
    public TimeSpan Delay(int retry)
    {
        if (!exponential)
        {
            return duration;
        }

        var interval = InitialInterval.TotalMilliseconds * Math.Pow(Multiplier, retry - 1);
        interval = Math.Min(interval, maxInterval.TotalMilliseconds);
        var jitter = (Random.Shared.NextDouble() * 2 - 1) * RandomizationFactor * interval;
        return TimeSpan.FromMilliseconds(interval + jitter);
    }

    /// <summary>daprd's <c>parsePatterns</c>: comma-separated codes or ranges, each within 0-16.</summary>
    private static List<(int From, int To)>? ParseCodes(string? patterns)
    {
        if (string.IsNullOrEmpty(patterns))
        {
            return null;
        }

        return patterns.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(pattern =>
        {
            var bounds = pattern.Split('-');
            if (bounds.Length > 2)
            {
                throw new InvalidDataException($"invalid pattern {pattern}, more than one '-' exists");
            }

            var from = int.Parse(bounds[0], CultureInfo.InvariantCulture);
            var to = bounds.Length == 2 ? int.Parse(bounds[1], CultureInfo.InvariantCulture) : from;
            if (from is < 0 or > 16 || to is < 0 or > 16 || to < from)
            {
                throw new InvalidDataException($"invalid pattern {pattern}");
            }

            return (from, to);
        }).ToList();
    }
}

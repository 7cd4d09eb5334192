using Grpc.Core;

namespace CapacityBuilding.Tests.DaprStandIn.Resiliency;

/// <summary>
/// How one attempt through the sidecar ended: the callee's answer (<see cref="Response"/>), or an
/// error the sidecar made itself. <see cref="HasStatus"/> is false for failures daprd does not
/// see as a gRPC status (an attempt's timeout, the breaker's refusal), which its retry filter
/// cannot match.
/// </summary>
internal sealed record ProxyOutcome(StatusCode Status, string Message, UpstreamResponse? Response, bool HasStatus = true, bool IsBreakerRefusal = false)
{
    /// <summary>An attempt cut by its timeout: <c>context.DeadlineExceeded</c>, which grpc-go answers as DEADLINE_EXCEEDED.</summary>
    public static ProxyOutcome TimedOut { get; } = new(StatusCode.DeadlineExceeded, "context deadline exceeded", null, HasStatus: false);

    /// <summary>gobreaker's <c>ErrOpenState</c> or <c>ErrTooManyRequests</c>: not a status, so grpc-go answers UNKNOWN.</summary>
    public static ProxyOutcome BreakerRefused(string message) => new(StatusCode.Unknown, message, null, HasStatus: false, IsBreakerRefusal: true);

    public static ProxyOutcome Error(StatusCode status, string message) => new(status, message, null);
}

/// <summary>What the callee answered: HTTP status, headers, the whole body (unary) and trailers.</summary>
internal sealed record UpstreamResponse(int HttpStatus, IReadOnlyList<KeyValuePair<string, IEnumerable<string>>> Headers, byte[] Body, IReadOnlyList<KeyValuePair<string, IEnumerable<string>>> Trailers);

using Grpc.Core;

namespace CapacityBuilding.ServiceDefaults.Invocation;

/// <summary>How a call to another app failed, as the calling service needs to tell its own caller.</summary>
public static class DownstreamFailures
{
    /// <summary>
    /// The other app could not be reached or did not answer in time: UNAVAILABLE, DEADLINE_EXCEEDED,
    /// or UNKNOWN (a connection broken mid-call, or a sidecar that knows no such app). The caller's
    /// own request may be retried; it was not the caller's fault.
    /// </summary>
    public static bool IsUnreachable(this RpcException exception) =>
        exception.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.Unknown;
}

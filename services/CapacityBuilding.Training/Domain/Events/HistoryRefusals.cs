using CapacityBuilding.ServiceDefaults.Errors;
using Google.Rpc;
using Grpc.Core;

namespace CapacityBuilding.Training.Domain.Events;

/// <summary>
/// Which refusals of assistance's RecordDeliveryEvent retrying cannot mend: the step itself is
/// wrong for it (its request gone or closed to delivery, an argument refused, training not allowed
/// to record). Those park the event. Every other code (UNAVAILABLE, DEADLINE_EXCEEDED,
/// RESOURCE_EXHAUSTED, ABORTED, and faults such as INTERNAL that a deployment may fix) passes, so
/// the step is retried with a growing delay; so does a request suspended for now
/// (FAILED_PRECONDITION, REQUEST_SUSPENDED): its step lands once a coordinator resumes it.
/// </summary>
public static class HistoryRefusals
{
    private static readonly HashSet<StatusCode> ForGood =
    [
        StatusCode.InvalidArgument, StatusCode.NotFound, StatusCode.AlreadyExists, StatusCode.PermissionDenied,
        StatusCode.FailedPrecondition, StatusCode.OutOfRange, StatusCode.Unimplemented,
    ];

    public static bool IsForGood(RpcException exception) =>
        ForGood.Contains(exception.StatusCode) && exception.GetRpcStatus()?.GetDetail<ErrorInfo>()?.Reason != ErrorReasons.RequestSuspended;
}

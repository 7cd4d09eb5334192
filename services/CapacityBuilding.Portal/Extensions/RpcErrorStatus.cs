using Grpc.Core;

namespace CapacityBuilding.Portal.Extensions;

/// <summary>
/// The HTTP status of a request that failed with an exception: for a page whose service call failed
/// and that the page did not handle, from the gRPC status, so that the
/// error page then says the right thing (not found, not allowed, refused, try again) without any
/// detail. No service error is a 500: that would say the portal itself broke.
/// </summary>
public static class RpcErrorStatus
{
    public static int Of(Exception exception) => exception is RpcException rpc
        ? rpc.StatusCode switch
        {
            // A link whose query the service refused (a stale page token, a state it does not know).
            StatusCode.InvalidArgument => StatusCodes.Status400BadRequest,
            StatusCode.NotFound => StatusCodes.Status404NotFound,
            StatusCode.PermissionDenied => StatusCodes.Status403Forbidden,
            StatusCode.Unauthenticated => StatusCodes.Status401Unauthorized,
            StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.ResourceExhausted => StatusCodes.Status503ServiceUnavailable,
            // The service answered and said no (a total it cannot show, a state that does not allow it).
            StatusCode.FailedPrecondition or StatusCode.Aborted or StatusCode.AlreadyExists or StatusCode.OutOfRange => StatusCodes.Status409Conflict,
            // The service failed (INTERNAL, UNKNOWN, ...): the portal stood in front of it, as a gateway does.
            _ => StatusCodes.Status502BadGateway,
        }
        // A request ASP.NET Core itself refused, e.g. a form without its antiforgery token: 400.
        : exception is BadHttpRequestException badRequest ? badRequest.StatusCode : StatusCodes.Status500InternalServerError;
}

using Grpc.Core;

namespace CapacityBuilding.Portal.Extensions;

/// <summary>
/// The HTTP status of a page whose service call failed and that the page did not handle: the
/// error page then says the right thing (not found, not allowed, try again) without any detail.
/// </summary>
public static class RpcErrorStatus
{
    public static int Of(Exception exception) => exception is RpcException rpc
        ? rpc.StatusCode switch
        {
            StatusCode.NotFound => StatusCodes.Status404NotFound,
            StatusCode.PermissionDenied => StatusCodes.Status403Forbidden,
            StatusCode.Unauthenticated => StatusCodes.Status401Unauthorized,
            StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.ResourceExhausted => StatusCodes.Status503ServiceUnavailable,
            _ => StatusCodes.Status500InternalServerError,
        }
        : StatusCodes.Status500InternalServerError;
}

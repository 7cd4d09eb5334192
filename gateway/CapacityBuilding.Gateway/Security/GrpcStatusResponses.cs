using System.Globalization;
using System.Text.Json;

namespace CapacityBuilding.Gateway.Security;

/// <summary>
/// Answers the gateway gives by itself, before or instead of a service: a gRPC caller gets a
/// trailers-only response (HTTP 200, the status in the headers, as gRPC clients expect), a REST
/// caller the HTTP status with the same JSON body as transcoded service errors.
/// </summary>
internal static class GrpcStatusResponses
{
    public static bool IsGrpc(HttpRequest request) =>
        request.ContentType?.StartsWith("application/grpc", StringComparison.Ordinal) == true;

    public static async Task WriteAsync(HttpContext context, Grpc.Core.StatusCode code, int httpStatus, string message, CancellationToken cancellationToken)
    {
        var number = ((int)code).ToString(CultureInfo.InvariantCulture);
        if (IsGrpc(context.Request))
        {
            context.Response.StatusCode = StatusCodes.Status200OK;
            context.Response.ContentType = "application/grpc";
            context.Response.Headers["grpc-status"] = number;
            context.Response.Headers["grpc-message"] = Uri.EscapeDataString(message);
            return;
        }

        context.Response.StatusCode = httpStatus;
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(
            $$"""{"code":{{number}},"message":"{{JsonEncodedText.Encode(message)}}","details":[]}""", cancellationToken);
    }
}

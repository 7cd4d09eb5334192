using System.Globalization;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;
using ErrorInfo = Google.Rpc.ErrorInfo;
using Microsoft.AspNetCore.Http;

namespace CapacityBuilding.ServiceDefaults.Errors;

/// <summary>
/// Answers an app gives from its middleware, before any gRPC service or transcoded route runs, in
/// the error model of every other error (AIP-193): a google.rpc.Status holding one ErrorInfo in the
/// app's domain. A gRPC caller gets a trailers-only response (HTTP 200, the status and its details
/// in the headers, as gRPC clients expect), any other caller the HTTP status with the same JSON body
/// as transcoded service errors (<c>code</c>, <c>message</c>, <c>details</c>).
/// </summary>
public static class ErrorAnswers
{
    private static readonly JsonFormatter Json = new(JsonFormatter.Settings.Default.WithTypeRegistry(TypeRegistry.FromMessages(ErrorInfo.Descriptor)));

    public static bool IsGrpc(HttpRequest request) =>
        request.ContentType?.StartsWith("application/grpc", StringComparison.Ordinal) == true;

    public static async Task WriteAsync(HttpContext context, ErrorDomain domain, Grpc.Core.StatusCode code, int httpStatus, string reason, string message,
        CancellationToken cancellationToken)
    {
        var status = new Google.Rpc.Status { Code = (int)code, Message = message };
        status.Details.Add(Any.Pack(new ErrorInfo { Reason = reason, Domain = domain.Value }));
        if (IsGrpc(context.Request))
        {
            context.Response.StatusCode = StatusCodes.Status200OK;
            context.Response.ContentType = "application/grpc";
            context.Response.Headers["grpc-status"] = ((int)code).ToString(CultureInfo.InvariantCulture);
            context.Response.Headers["grpc-message"] = Uri.EscapeDataString(message);
            context.Response.Headers["grpc-status-details-bin"] = Convert.ToBase64String(status.ToByteArray());
            return;
        }

        context.Response.StatusCode = httpStatus;
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(Json.Format(status), cancellationToken);
    }
}

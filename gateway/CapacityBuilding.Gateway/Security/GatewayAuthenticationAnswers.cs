using CapacityBuilding.ServiceDefaults.Errors;
using Grpc.Core;
using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace CapacityBuilding.Gateway.Security;

/// <summary>
/// JwtBearer's own hooks for the door's refusals: instead of an empty 401 or 403, the caller gets
/// UNAUTHENTICATED or PERMISSION_DENIED with an ErrorInfo, as gRPC status or as JSON
/// (<see cref="GrpcStatusResponses"/>), like every other error of the suite.
/// </summary>
internal sealed class GatewayAuthenticationAnswers : JwtBearerEvents
{
    public override async Task Challenge(JwtBearerChallengeContext context)
    {
        context.HandleResponse();
        // What JwtBearer would have said, without the failure's description (it names key ids).
        context.Response.Headers.WWWAuthenticate = context.AuthenticateFailure is null ? "Bearer" : "Bearer error=\"invalid_token\"";
        await GrpcStatusResponses.WriteAsync(context.HttpContext, StatusCode.Unauthenticated, StatusCodes.Status401Unauthorized,
            ErrorReasons.Unauthenticated, "A valid bearer token is required.", context.HttpContext.RequestAborted);
    }

    public override Task Forbidden(ForbiddenContext context) =>
        GrpcStatusResponses.WriteAsync(context.HttpContext, StatusCode.PermissionDenied, StatusCodes.Status403Forbidden,
            ErrorReasons.PermissionDenied, "The token does not make a caller of this API: its role, or the country or donor the role needs, is missing or unknown.",
            context.HttpContext.RequestAborted);
}

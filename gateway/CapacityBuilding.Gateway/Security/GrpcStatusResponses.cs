using CapacityBuilding.Gateway.Extensions;
using CapacityBuilding.ServiceDefaults.Errors;

namespace CapacityBuilding.Gateway.Security;

/// <summary>
/// Answers the gateway gives by itself, before or instead of a service: <see cref="ErrorAnswers"/>
/// in the gateway's error domain.
/// </summary>
internal static class GrpcStatusResponses
{
    public static readonly ErrorDomain Domain = ErrorDomain.ForService(GatewayExtensions.ServiceName);

    public static bool IsGrpc(HttpRequest request) => ErrorAnswers.IsGrpc(request);

    public static Task WriteAsync(HttpContext context, Grpc.Core.StatusCode code, int httpStatus, string reason, string message,
        CancellationToken cancellationToken) =>
        ErrorAnswers.WriteAsync(context, Domain, code, httpStatus, reason, message, cancellationToken);
}

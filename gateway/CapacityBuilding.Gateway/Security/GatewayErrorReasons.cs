namespace CapacityBuilding.Gateway.Security;

/// <summary>
/// The <c>ErrorInfo.reason</c>s of the answers the gateway gives by itself (AIP-193), all in the
/// gateway's error domain <c>gateway.capacitybuilding.unodc.org</c>.
/// </summary>
public static class GatewayErrorReasons
{
    /// <summary>No token, or one that failed validation (HTTP 401).</summary>
    public const string Unauthenticated = "UNAUTHENTICATED";

    /// <summary>A valid token whose claims do not make a caller of the suite (HTTP 403).</summary>
    public const string PermissionDenied = "PERMISSION_DENIED";

    /// <summary>The caller used up its token bucket (HTTP 429).</summary>
    public const string RateLimitExceeded = "RATE_LIMIT_EXCEEDED";

    /// <summary>The request body is larger than <c>Kestrel:Limits:MaxRequestBodySize</c> (HTTP 413).</summary>
    public const string RequestTooLarge = "REQUEST_TOO_LARGE";

    /// <summary>The service did not answer within the gateway's deadline (HTTP 504).</summary>
    public const string DeadlineExceeded = "DEADLINE_EXCEEDED";
}

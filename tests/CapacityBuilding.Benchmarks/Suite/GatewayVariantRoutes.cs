namespace CapacityBuilding.Benchmarks.Suite;

/// <summary>
/// Routes the harness adds to its gateway, in configuration only, to price each of the route's
/// policies: each is the assistance gRPC route with one policy turned off by YARP's own values
/// (<c>Anonymous</c>, <c>Disable</c>), chosen by a request header that only the harness sends,
/// and ahead of the real route (<c>Order -1</c>). A variant's CPU per call subtracted from the
/// real route's is what that policy costs. Without authentication the client sends no token (so
/// JwtBearer has nothing to validate) and the route sets the same token towards the service,
/// which still checks it as it does behind the real route. The deadline is no route policy: it is
/// YARP's activity timeout on the cluster, a timer bare YARP keeps on every call too.
/// </summary>
internal static class GatewayVariantRoutes
{
    public const string Header = "x-benchmark-variant";

    public const string WithoutAuthentication = "no-auth";
    public const string WithoutRateLimiter = "no-limiter";
    public const string WithoutCors = "no-cors";
    public const string WithoutAnyPolicy = "no-policy";

    private const string AssistancePath = "/capacitybuilding.assistance.v1.AssistanceService/{method}";

    /// <summary>The gateway's configuration entries (environment variables) for every variant; <paramref name="bearerToken"/> is set towards the service where the client sends none.</summary>
    public static Dictionary<string, string> Configuration(string bearerToken)
    {
        var entries = new Dictionary<string, string>();
        Add(entries, WithoutAuthentication, authorization: "Anonymous", bearerToken: bearerToken);
        Add(entries, WithoutRateLimiter, rateLimiter: "Disable");
        Add(entries, WithoutCors, cors: "Disable");
        Add(entries, WithoutAnyPolicy, authorization: "Anonymous", rateLimiter: "Disable", cors: "Disable", bearerToken: bearerToken);
        return entries;
    }

    private static void Add(
        Dictionary<string, string> entries, string variant,
        string authorization = "caller", string rateLimiter = "per-caller", string cors = "api", string? bearerToken = null)
    {
        var route = $"ReverseProxy__Routes__benchmark-{variant}__";
        entries[route + "ClusterId"] = "assistance";
        entries[route + "Order"] = "-1";
        entries[route + "Match__Path"] = AssistancePath;
        entries[route + "Match__Headers__0__Name"] = Header;
        entries[route + "Match__Headers__0__Values__0"] = variant;
        entries[route + "AuthorizationPolicy"] = authorization;
        entries[route + "RateLimiterPolicy"] = rateLimiter;
        entries[route + "CorsPolicy"] = cors;
        if (bearerToken is not null)
        {
            entries[route + "Transforms__0__RequestHeader"] = "authorization";
            entries[route + "Transforms__0__Set"] = "Bearer " + bearerToken;
        }
    }
}

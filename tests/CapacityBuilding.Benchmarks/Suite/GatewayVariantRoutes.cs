namespace CapacityBuilding.Benchmarks.Suite;

/// <summary>
/// Routes the harness adds to its gateway, in configuration only, to price each of the route's
/// policies: each is the assistance gRPC route with one policy turned off by YARP's own values
/// (<c>Anonymous</c>, <c>Disable</c>), at a path base of its own (<see cref="PathBase"/>, removed
/// before the call goes on to assistance). A variant's CPU and bytes per call subtracted from the
/// real route's are what that policy costs. They used to share the real route's path and be chosen
/// by a request header, which gave case 12's own calls five candidate routes and a header match
/// to sort out on every call, work no production gateway does; at paths of their own the real
/// route is alone at its path as in production, and each variant pays for removing its path base
/// instead (a few hundred bytes: its prices are that much too low). Without authentication the
/// client sends no token (so JwtBearer has nothing to validate) and the route sets the same token
/// towards the service, which still checks it as it does behind the real route. The deadline is no
/// route policy: it is YARP's activity timeout on the cluster, a timer bare YARP keeps on every
/// call too.
/// </summary>
internal static class GatewayVariantRoutes
{
    public const string WithoutAuthentication = "no-auth";
    public const string WithoutRateLimiter = "no-limiter";
    public const string WithoutCors = "no-cors";
    public const string WithoutAnyPolicy = "no-policy";

    private const string AssistancePath = "/capacitybuilding.assistance.v1.AssistanceService/{method}";

    /// <summary>Where a variant's route is: its path base in front of the gRPC method's path.</summary>
    public static string PathBase(string variant) => "/benchmark-" + variant;

    /// <summary>Whether the client sends its own token on a variant's route: not where the route leaves authentication out and sets it itself.</summary>
    public static bool ClientSendsToken(string variant) => variant is not (WithoutAuthentication or WithoutAnyPolicy);

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
        entries[route + "Match__Path"] = PathBase(variant) + AssistancePath;
        entries[route + "AuthorizationPolicy"] = authorization;
        entries[route + "RateLimiterPolicy"] = rateLimiter;
        entries[route + "CorsPolicy"] = cors;
        entries[route + "Transforms__0__PathRemovePrefix"] = PathBase(variant);
        if (bearerToken is not null)
        {
            entries[route + "Transforms__1__RequestHeader"] = "authorization";
            entries[route + "Transforms__1__Set"] = "Bearer " + bearerToken;
        }
    }
}

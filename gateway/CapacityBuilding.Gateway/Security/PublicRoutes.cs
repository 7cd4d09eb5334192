using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Model;

namespace CapacityBuilding.Gateway.Security;

/// <summary>
/// Routes marked <c>"Metadata": { "Public": "true" }</c> in appsettings.json are open to anyone:
/// YARP's <c>anonymous</c> authorization policy, the <c>public</c> rate limit, the <c>public</c>
/// CORS policy (any site may read them). The services still decide what a public caller gets: the
/// gateway calls them as itself (<see cref="GatewayAppIdentity"/>), never with what the client
/// sent, and a service grants its app callers only the public reads (docs/security.md). Every
/// other route requires a token.
/// </summary>
public static class PublicRoutes
{
    public const string MetadataKey = "Public";
    public const string CorsPolicyName = "public";

    public static bool IsPublic(RouteConfig route) =>
        route.Metadata?.TryGetValue(MetadataKey, out var value) == true && bool.TryParse(value, out var isPublic) && isPublic;

    public static bool IsPublic(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<RouteModel>() is { } route && IsPublic(route.Config);
}

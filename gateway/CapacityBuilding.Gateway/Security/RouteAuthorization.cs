using Microsoft.AspNetCore.Authorization;

namespace CapacityBuilding.Gateway.Security;

/// <summary>
/// Whether a call's endpoint asks for an authorization policy (a route's <c>AuthorizationPolicy</c>
/// other than <c>anonymous</c>): only those calls are authenticated. The public routes, the
/// portal's pages, health, reflection and the OpenAPI document take no token, and running
/// JwtBearer for them was a handler made and an <c>authorization</c> header looked for on every
/// call. The authorization middleware still runs for every call and refuses a protected route
/// whose caller did not authenticate.
/// </summary>
public static class RouteAuthorization
{
    public static bool Requires(HttpContext context) =>
        context.GetEndpoint()?.Metadata is { } metadata
        && metadata.GetMetadata<IAuthorizeData>() is not null
        && metadata.GetMetadata<IAllowAnonymous>() is null;
}

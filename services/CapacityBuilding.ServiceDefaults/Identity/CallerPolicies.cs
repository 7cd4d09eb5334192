using Microsoft.AspNetCore.Authorization;

namespace CapacityBuilding.ServiceDefaults.Identity;

/// <summary>Authorization policies by name, as YARP routes and endpoints refer to them.</summary>
public static class CallerPolicies
{
    /// <summary>An authenticated caller whose claims make a <see cref="Caller"/>.</summary>
    public const string Caller = "caller";

    public static AuthorizationPolicy Build() => new AuthorizationPolicyBuilder()
        .RequireAuthenticatedUser()
        .RequireAssertion(context => Identity.Caller.From(context.User) is not null)
        .Build();
}

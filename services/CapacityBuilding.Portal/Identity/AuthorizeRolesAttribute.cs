using CapacityBuilding.ServiceDefaults.Identity;
using Microsoft.AspNetCore.Authorization;

namespace CapacityBuilding.Portal.Identity;

/// <summary>
/// A page only some roles work on (<c>@attribute [AuthorizeRoles(CallerRole.Coordinator)]</c>):
/// another role's direct visit gets the forbidden page. A convenience like the navigation: the
/// services decide what each call may do.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = true)]
public sealed class AuthorizeRolesAttribute : AuthorizeAttribute
{
    public AuthorizeRolesAttribute(params CallerRole[] roles)
    {
        Roles = string.Join(',', roles.Select(CallerClaims.ClaimValueOf));
    }
}

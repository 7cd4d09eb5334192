using CapacityBuilding.ServiceDefaults.Identity;

namespace CapacityBuilding.Portal.Identity;

/// <summary>
/// The signed-in user as the services will see them (role, country, donor from the access
/// token's claims), for pages that show or hide things by role, as a convenience only.
/// </summary>
public sealed class SignedInCaller(IHttpContextAccessor httpContextAccessor)
{
    public Caller? Current => httpContextAccessor.HttpContext?.User is { } user ? Caller.From(user) : null;
}

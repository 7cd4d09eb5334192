using System.Security.Claims;
using CapacityBuilding.ServiceDefaults.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace CapacityBuilding.Portal.Identity;

/// <summary>
/// Development only: signs a demo user in with a token minted with the dev key, as run.sh mints
/// the demo tokens, into the same server-side session an OpenID Connect sign-in makes.
/// </summary>
internal sealed class DevSignIn(IOptions<DevSignInOptions> options, DevTokenIssuer issuer, DemoDonorLookup donors)
{
    public IReadOnlyList<DemoUser> Users => options.Value.Users;

    /// <summary>False when the user is unknown or the demo donor is not (yet) in the funding service.</summary>
    public async Task<bool> SignInAsync(HttpContext context, string userKey)
    {
        if (Users.FirstOrDefault(user => user.Key == userKey) is not { } user)
        {
            return false;
        }

        var role = CallerClaims.RolesByClaimValue[user.Role];
        string? donorId = null;
        if (role == CallerRole.Donor && (donorId = await donors.FindIdAsync(user.DonorDisplayName!, context.RequestAborted)) is null)
        {
            return false;
        }

        var token = issuer.Mint(role, user.Subject, user.Country, donorId, RedisTicketStore.DefaultLifetime);
        var properties = new AuthenticationProperties();
        properties.StoreTokens([new AuthenticationToken { Name = SignedInUserToken.AccessTokenName, Value = token }]);
        var principal = new ClaimsPrincipal(AccessTokenIdentity.From(token, "dev", user.DisplayName));
        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal, properties);
        return true;
    }
}

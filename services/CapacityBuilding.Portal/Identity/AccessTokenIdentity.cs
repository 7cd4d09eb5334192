using System.Security.Claims;
using CapacityBuilding.ServiceDefaults.Identity;
using Microsoft.IdentityModel.JsonWebTokens;

namespace CapacityBuilding.Portal.Identity;

/// <summary>
/// Who the signed-in user is for the portal's pages: the role, country and donor claims of the
/// access token the services will receive (<see cref="CallerClaims"/>), so the pages show what the
/// services will decide. The token is not validated here: it came from the identity provider's
/// token endpoint (or the dev key), and every service validates it on every call.
/// </summary>
internal static class AccessTokenIdentity
{
    public const string NameClaim = "name";

    private static readonly string[] CarriedClaims = [CallerClaims.Subject, CallerClaims.Role, CallerClaims.Country, CallerClaims.Donor];

    public static IEnumerable<Claim> ClaimsOf(string accessToken)
    {
        var token = new JsonWebToken(accessToken);
        return token.Claims.Where(claim => CarriedClaims.Contains(claim.Type)).Select(claim => new Claim(claim.Type, claim.Value));
    }

    /// <param name="displayName">The name the header shows: the demo user's, or the identity provider's <c>name</c> claim.</param>
    public static ClaimsIdentity From(string accessToken, string authenticationType, string displayName) =>
        new(ClaimsOf(accessToken).Append(new Claim(NameClaim, displayName)), authenticationType, NameClaim, CallerClaims.Role);
}

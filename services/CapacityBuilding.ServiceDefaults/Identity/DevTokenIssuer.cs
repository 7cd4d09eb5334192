using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CapacityBuilding.ServiceDefaults.Identity;

/// <summary>
/// Signs tokens with the shared development key, with the claims our services read: for the
/// DevTokens tool, the tests, and the portal's Development-only sign-in. Never used where an
/// identity provider issues the tokens.
/// </summary>
public sealed class DevTokenIssuer(string issuer, string audience, string signingKeyBase64)
{
    private readonly SigningCredentials credentials =
        new(new SymmetricSecurityKey(Convert.FromBase64String(signingKeyBase64)), SecurityAlgorithms.HmacSha256);

    public string Mint(CallerRole role, string subject, string? country = null, string? donorId = null, TimeSpan? lifetime = null)
    {
        var claims = new Dictionary<string, object>
        {
            [CallerClaims.Subject] = subject,
            [CallerClaims.Role] = CallerClaims.ClaimValueOf(role),
        };
        if (country is not null)
        {
            claims[CallerClaims.Country] = country;
        }

        if (donorId is not null)
        {
            claims[CallerClaims.Donor] = donorId;
        }

        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Claims = claims,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + (lifetime ?? TimeSpan.FromHours(8)),
            SigningCredentials = credentials,
        });
    }
}

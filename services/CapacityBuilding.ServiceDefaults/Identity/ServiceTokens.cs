using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CapacityBuilding.ServiceDefaults.Identity;

/// <summary>
/// The app's own bearer token, for calls it makes as itself rather than for its caller: role
/// <c>service</c>, its app-id as subject, signed with <c>Authentication:Jwt:SigningKey</c> like
/// every token the services accept. Minted for a few minutes and renewed before it ends.
/// </summary>
public sealed class ServiceTokens(string appId, IOptions<JwtOptions> options, TimeProvider clock)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan RenewBefore = TimeSpan.FromMinutes(1);

    // Replaced whole, so concurrent calls see one token or the next, never half of each.
    private volatile MintedToken? current;

    public string Current()
    {
        var now = clock.GetUtcNow();
        if (current is { } token && token.Expires - now > RenewBefore)
        {
            return token.Value;
        }

        var minted = new MintedToken(Mint(now), now + Lifetime);
        current = minted;
        return minted.Value;
    }

    private string Mint(DateTimeOffset now)
    {
        var jwt = options.Value;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = jwt.Issuer,
            Audience = jwt.Audience,
            Claims = new Dictionary<string, object>
            {
                [CallerClaims.Subject] = appId,
                [CallerClaims.Role] = CallerClaims.ClaimValueOf(CallerRole.Service),
            },
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = (now + Lifetime).UtcDateTime,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Convert.FromBase64String(jwt.SigningKey!)), SecurityAlgorithms.HmacSha256),
        });
    }

    private sealed record MintedToken(string Value, DateTimeOffset Expires);
}

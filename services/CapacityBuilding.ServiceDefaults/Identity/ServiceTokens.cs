using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CapacityBuilding.ServiceDefaults.Identity;

/// <summary>
/// The app's own token: role <c>service</c>, its app-id as subject, signed with
/// <c>Authentication:ServiceTokens:SigningKey</c> under the services' own issuer. Sent as the
/// relaying app's identity on every call in Direct mode, and as the bearer token of reads an app
/// makes as itself. Minted for a few minutes and renewed before it ends.
/// </summary>
public sealed class ServiceTokens(IOptions<ServiceTokenOptions> options, TimeProvider clock)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan RenewBefore = TimeSpan.FromMinutes(1);

    // Replaced whole, so concurrent calls see one token or the next, never half of each.
    private volatile MintedToken? current;

    public string AppId => options.Value.AppId;

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
        var service = options.Value;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = service.Issuer,
            Audience = service.Audience,
            Claims = new Dictionary<string, object>
            {
                [CallerClaims.Subject] = service.AppId,
                [CallerClaims.Role] = CallerClaims.ClaimValueOf(CallerRole.Service),
            },
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = (now + Lifetime).UtcDateTime,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Convert.FromBase64String(service.SigningKey!)), SecurityAlgorithms.HmacSha256),
        });
    }

    private sealed record MintedToken(string Value, DateTimeOffset Expires);
}

using Microsoft.Extensions.Caching.Memory;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CapacityBuilding.ServiceDefaults.Identity;

/// <summary>
/// JwtBearer's token handler with a memory of the tokens it has validated. A caller sends the same
/// token on every call until it expires, and validating it again each time (parse, signature,
/// claims) was a measured part of every call through the gateway and again in each service.
/// A hit needs the exact token text, signature included, that passed the full validation, and
/// lasts no longer than the token's own lifetime (plus the clock skew validation allows) and at
/// most <see cref="MaxRetention"/>, so that keys rotated by an OIDC authority take effect within
/// minutes. Failures are never remembered: every bad token pays the full check. A token whose
/// roles the scheme does not take (<see cref="TokenRoleRule"/>) fails like a bad signature.
/// </summary>
public sealed class CachingJsonWebTokenHandler : JsonWebTokenHandler, IDisposable
{
    public const int MaxEntries = 10_000;

    public static readonly TimeSpan MaxRetention = TimeSpan.FromMinutes(5);

    private readonly MemoryCache validated;
    private readonly TimeProvider clock;
    private readonly TokenRoleRule roles;

    public CachingJsonWebTokenHandler(TimeProvider clock, TokenRoleRule roles)
    {
        this.clock = clock;
        this.roles = roles;
        validated = new MemoryCache(new MemoryCacheOptions { SizeLimit = MaxEntries });
        MapInboundClaims = false;
    }

    public override async Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
    {
        var now = clock.GetUtcNow();
        if (validated.TryGetValue(token, out Validated? hit) && now < hit!.Until)
        {
            return hit.Copy();
        }

        var result = await base.ValidateTokenAsync(token, validationParameters);
        if (result.IsValid && result.SecurityToken is JsonWebToken refused && !roles.Accepts(refused))
        {
            return new TokenValidationResult { IsValid = false, Exception = new SecurityTokenValidationException(roles.Refusal) };
        }

        if (result.IsValid && result.SecurityToken is JsonWebToken jwt)
        {
            var expires = new DateTimeOffset(jwt.ValidTo, TimeSpan.Zero) + validationParameters.ClockSkew;
            var until = expires < now + MaxRetention ? expires : now + MaxRetention;
            var remembered = validated.Set(token, new Validated(result, until), new MemoryCacheEntryOptions { Size = 1, AbsoluteExpiration = until });
            return remembered.Copy();
        }

        return result;
    }

    public void Dispose() => validated.Dispose();

    /// <summary>A passed validation; each hit gets its own result and identity, so no request can change another's.</summary>
    private sealed record Validated(TokenValidationResult Result, DateTimeOffset Until)
    {
        public TokenValidationResult Copy() => new()
        {
            IsValid = true,
            SecurityToken = Result.SecurityToken,
            ClaimsIdentity = Result.ClaimsIdentity.Clone(),
            Issuer = Result.Issuer,
            TokenType = Result.TokenType,
        };
    }
}

using CapacityBuilding.ServiceDefaults.Configuration;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace CapacityBuilding.ServiceDefaults.Identity;

public static class JwtAuthenticationExtensions
{
    /// <summary>
    /// Users' bearer tokens validated by ASP.NET Core's JwtBearer: issuer, audience, lifetime and
    /// signature, signed tokens only (so <c>alg: none</c> is refused), an access token's type
    /// (<c>typ</c>), the algorithms pinned (an authority's asymmetric ones, or HS256 for the shared
    /// key, so a token cannot pick the other kind), claims kept as they are in the token, never the
    /// role <c>service</c> (<see cref="TokenRoleRule.Users"/>); a token that passed is remembered
    /// until it expires (<see cref="CachingJsonWebTokenHandler"/>). Used by the gateway and by every
    /// service (<see cref="ServiceAuthenticationExtensions"/>): a service never trusts the gateway to have checked.
    /// </summary>
    public static IServiceCollection AddJwtAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<JwtOptions, JwtOptionsValidator>(configuration, JwtOptions.SectionName);
        var tokenHandler = new CachingJsonWebTokenHandler(TimeProvider.System, TokenRoleRule.Users);
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme).Configure<IOptions<JwtOptions>, IHostEnvironment>((bearer, jwt, environment) =>
        {
            var options = jwt.Value;
            bearer.Authority = options.Authority;
            bearer.RequireHttpsMetadata = !environment.IsDevelopment() || (options.Authority?.StartsWith("https://", StringComparison.Ordinal) ?? true);
            UseTokenHandler(bearer, tokenHandler, new TokenValidationParameters
            {
                ValidIssuer = options.Issuer,
                ValidAudience = options.Audience,
                ValidTypes = JwtOptions.AccessTokenTypes,
                ValidAlgorithms = JwtOptions.AuthorityAlgorithms,
                ClockSkew = options.ClockSkew,
            });
            if (options.SigningKey is { Length: > 0 } key)
            {
                bearer.TokenValidationParameters.IssuerSigningKey = new SymmetricSecurityKey(Convert.FromBase64String(key));
                bearer.TokenValidationParameters.ValidAlgorithms = [SecurityAlgorithms.HmacSha256];
            }
        });
        services.AddAuthorizationBuilder().AddPolicy(CallerPolicies.Caller, CallerPolicies.Build());
        return services;
    }

    /// <summary>
    /// What every scheme of the suite checks on top of its own issuer, audience, types, algorithms
    /// and keys: lifetime, a signature, claims as the token carries them.
    /// </summary>
    internal static void UseTokenHandler(JwtBearerOptions bearer, CachingJsonWebTokenHandler handler, TokenValidationParameters parameters)
    {
        bearer.TokenHandlers.Clear();
        bearer.TokenHandlers.Add(handler);
        bearer.MapInboundClaims = false;
        parameters.ValidateIssuer = true;
        parameters.ValidateAudience = true;
        parameters.ValidateLifetime = true;
        parameters.RequireExpirationTime = true;
        parameters.RequireSignedTokens = true;
        parameters.ValidateIssuerSigningKey = true;
        parameters.NameClaimType = CallerClaims.Subject;
        parameters.RoleClaimType = CallerClaims.Role;
        bearer.TokenValidationParameters = parameters;
    }
}

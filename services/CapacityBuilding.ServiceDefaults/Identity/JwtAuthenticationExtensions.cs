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
    /// Bearer tokens validated by ASP.NET Core's JwtBearer: issuer, audience, lifetime and
    /// signature, signed tokens only (so <c>alg: none</c> is refused), an access token's type
    /// (<c>typ</c>), the algorithms pinned (an authority's asymmetric ones, or HS256 for the shared
    /// key, so a token cannot pick the other kind), claims kept as they are in the token; a token
    /// that passed is remembered until it expires (<see cref="CachingJsonWebTokenHandler"/>). Used by the gateway and by every service: a
    /// service never trusts the gateway to have checked.
    /// </summary>
    public static IServiceCollection AddJwtAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<JwtOptions, JwtOptionsValidator>(configuration, JwtOptions.SectionName);
        var tokenHandler = new CachingJsonWebTokenHandler(TimeProvider.System);
        services.AddSingleton(tokenHandler);
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme).Configure<IOptions<JwtOptions>, IHostEnvironment>((bearer, jwt, environment) =>
        {
            var options = jwt.Value;
            bearer.TokenHandlers.Clear();
            bearer.TokenHandlers.Add(tokenHandler);
            bearer.MapInboundClaims = false;
            bearer.Authority = options.Authority;
            bearer.RequireHttpsMetadata = !environment.IsDevelopment() || (options.Authority?.StartsWith("https://", StringComparison.Ordinal) ?? true);
            bearer.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = options.Issuer,
                ValidAudience = options.Audience,
                ValidateIssuer = true,
                ValidateAudience = true,
                ValidateLifetime = true,
                RequireExpirationTime = true,
                RequireSignedTokens = true,
                ValidateIssuerSigningKey = true,
                ValidTypes = JwtOptions.AccessTokenTypes,
                ValidAlgorithms = JwtOptions.AuthorityAlgorithms,
                ClockSkew = options.ClockSkew,
                NameClaimType = CallerClaims.Subject,
                RoleClaimType = CallerClaims.Role,
            };
            if (options.SigningKey is { Length: > 0 } key)
            {
                bearer.TokenValidationParameters.IssuerSigningKey = new SymmetricSecurityKey(Convert.FromBase64String(key));
                bearer.TokenValidationParameters.ValidAlgorithms = [SecurityAlgorithms.HmacSha256];
            }
        });
        services.AddAuthorizationBuilder().AddPolicy(CallerPolicies.Caller, CallerPolicies.Build());
        return services;
    }
}

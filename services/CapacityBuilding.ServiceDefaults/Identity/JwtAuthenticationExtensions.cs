using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;

namespace CapacityBuilding.ServiceDefaults.Identity;

public static class JwtAuthenticationExtensions
{
    /// <summary>
    /// Bearer tokens validated by ASP.NET Core's JwtBearer: issuer, audience, lifetime and
    /// signature, signed tokens only (so <c>alg: none</c> is refused), claims kept as they are in
    /// the token; a token that passed is remembered until it expires
    /// (<see cref="CachingJsonWebTokenHandler"/>). Used by the gateway and by every service: a
    /// service never trusts the gateway to have checked.
    /// </summary>
    public static IServiceCollection AddJwtAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(JwtOptions.SectionName).Get<JwtOptions>() ?? new JwtOptions();
        Validate(options);

        var tokenHandler = new CachingJsonWebTokenHandler(TimeProvider.System);
        services.AddSingleton(tokenHandler);
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(bearer =>
        {
            bearer.TokenHandlers.Clear();
            bearer.TokenHandlers.Add(tokenHandler);
            bearer.MapInboundClaims = false;
            bearer.Authority = options.Authority;
            bearer.RequireHttpsMetadata = options.Authority?.StartsWith("https://", StringComparison.Ordinal) ?? true;
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

    // Errors name the bad key at start, not at the first request.
    private static void Validate(JwtOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.Issuer) || string.IsNullOrWhiteSpace(options.Audience))
        {
            throw new InvalidOperationException($"{JwtOptions.SectionName}:Issuer and :Audience must be configured.");
        }

        var hasKey = !string.IsNullOrWhiteSpace(options.SigningKey);
        if (hasKey == !string.IsNullOrWhiteSpace(options.Authority))
        {
            throw new InvalidOperationException(
                $"Configure exactly one of {JwtOptions.SectionName}:SigningKey (base64, 32+ bytes) or {JwtOptions.SectionName}:Authority (an OIDC issuer).");
        }

        if (hasKey)
        {
            byte[] key;
            try
            {
                key = Convert.FromBase64String(options.SigningKey!);
            }
            catch (FormatException exception)
            {
                throw new InvalidOperationException($"{JwtOptions.SectionName}:SigningKey is not base64.", exception);
            }

            if (key.Length < 32)
            {
                throw new InvalidOperationException($"{JwtOptions.SectionName}:SigningKey must be at least 32 bytes (256 bits).");
            }
        }
    }
}

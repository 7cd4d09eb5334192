using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CapacityBuilding.ServiceDefaults.Identity;

public static class ServiceAuthenticationExtensions
{
    private const string Bearer = "Bearer ";

    /// <summary>
    /// How a service knows who calls: a person's token (<see cref="JwtAuthenticationExtensions.AddJwtAuthentication"/>)
    /// or an app's own token (<see cref="ServiceTokens"/>) in <c>authorization</c>, told apart by their
    /// issuer and each checked by a scheme of its own (<see cref="ServiceAuthenticationSchemes"/>), and
    /// the token of the app that relays the call in <see cref="RelayingAppHeader"/>, checked like an
    /// app's (<see cref="RelayingAppInterceptor"/> requires one, or the Dapr sidecar's word).
    /// </summary>
    public static IServiceCollection AddServiceAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddJwtAuthentication(configuration);
        services.AddServiceTokens(configuration, "a service checks with it the identity of the app relaying each call.");
        services.AddSingleton<DaprSidecarIdentity>();
        services.AddAuthentication(options => options.DefaultScheme = ServiceAuthenticationSchemes.UserOrApp)
            .AddPolicyScheme(ServiceAuthenticationSchemes.UserOrApp, "A user's or an app's bearer token", policy => policy.ForwardDefaultSelector = SchemeOf)
            .AddJwtBearer(ServiceAuthenticationSchemes.App)
            .AddJwtBearer(ServiceAuthenticationSchemes.RelayingApp, bearer => bearer.Events = new JwtBearerEvents
            {
                OnMessageReceived = context =>
                {
                    // Never the authorization header, which JwtBearer reads when no token is given here.
                    if (RelayingAppHeader.TokenOf(context.Request) is { Length: > 0 } token)
                    {
                        context.Token = token;
                    }
                    else
                    {
                        context.NoResult();
                    }

                    return Task.CompletedTask;
                },
            });

        // One handler, so one memory of validated app tokens, for both places they come in.
        var appTokens = new CachingJsonWebTokenHandler(TimeProvider.System, TokenRoleRule.Services);
        foreach (var scheme in new[] { ServiceAuthenticationSchemes.App, ServiceAuthenticationSchemes.RelayingApp })
        {
            services.AddOptions<JwtBearerOptions>(scheme).Configure<IOptions<ServiceTokenOptions>>((bearer, serviceTokens) =>
            {
                var options = serviceTokens.Value;
                // The key is there: the app refuses to start without it (AddServiceTokens above).
                JwtAuthenticationExtensions.UseTokenHandler(bearer, appTokens, new TokenValidationParameters
                {
                    ValidIssuer = options.Issuer,
                    ValidAudience = options.Audience,
                    ValidTypes = JwtOptions.AccessTokenTypes,
                    ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                    IssuerSigningKey = new SymmetricSecurityKey(Convert.FromBase64String(options.SigningKey!)),
                });
            });
        }

        return services;
    }

    /// <summary>Which scheme checks the bearer token: the issuer it names (checked again by that scheme) picks it.</summary>
    private static string SchemeOf(HttpContext context)
    {
        var authorization = context.Request.Headers.Authorization.ToString();
        if (authorization.StartsWith(Bearer, StringComparison.OrdinalIgnoreCase))
        {
            var token = authorization[Bearer.Length..].Trim();
            var reader = new JsonWebTokenHandler();
            var servicesIssuer = context.RequestServices.GetRequiredService<IOptions<ServiceTokenOptions>>().Value.Issuer;
            if (reader.CanReadToken(token) && IssuerOf(reader, token) == servicesIssuer)
            {
                return ServiceAuthenticationSchemes.App;
            }
        }

        return ServiceAuthenticationSchemes.User;
    }

    private static string? IssuerOf(JsonWebTokenHandler reader, string token)
    {
        try
        {
            return reader.ReadJsonWebToken(token).Issuer;
        }
        catch (ArgumentException)
        {
            // Not a JWT (SecurityTokenMalformedException is one too): the users' scheme refuses it.
            return null;
        }
    }
}

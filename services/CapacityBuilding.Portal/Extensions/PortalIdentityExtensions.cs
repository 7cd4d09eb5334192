using System.Security.Claims;
using CapacityBuilding.Portal.Identity;
using CapacityBuilding.ServiceDefaults.Configuration;
using CapacityBuilding.ServiceDefaults.Identity;
using CapacityBuilding.ServiceDefaults.Invocation;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.StackExchangeRedis;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using StackExchange.Redis;

namespace CapacityBuilding.Portal.Extensions;

/// <summary>
/// Sign-in: a cookie that holds only a session key, the session (with the user's access token)
/// in Redis (<see cref="RedisTicketStore"/>), data-protection keys in Redis, so that replicas
/// share both. Outside Development the identity provider signs users in (OpenID Connect, code
/// flow with PKCE); in Development the demo users do (<see cref="DevSignIn"/>). Calls to the
/// services carry the signed-in user's token (<see cref="SignedInUserToken"/>).
/// </summary>
public static class PortalIdentityExtensions
{
    public const string SessionCookieName = ".CapacityBuilding.Portal.Session";

    private const string DataProtectionKeysKey = "portal:data-protection-keys";

    public static WebApplicationBuilder AddPortalIdentity(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var development = builder.Environment.IsDevelopment();
        services.AddDataProtection().SetApplicationName("capacitybuilding-portal");
        services.AddOptions<KeyManagementOptions>().Configure<IConnectionMultiplexer>((keys, redis) =>
            keys.XmlRepository = new RedisXmlRepository(() => redis.GetDatabase(), DataProtectionKeysKey));

        services.AddSingleton<RedisTicketStore>();
        // Before the invocation layer's default (the incoming Authorization header), which it replaces.
        services.AddSingleton<ICallerToken, SignedInUserToken>();
        services.AddScoped<SignedInCaller>();

        var authentication = services.AddAuthentication(options =>
        {
            options.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
            options.DefaultChallengeScheme = development ? CookieAuthenticationDefaults.AuthenticationScheme : OpenIdConnectDefaults.AuthenticationScheme;
        });
        authentication.AddCookie(cookie =>
        {
            cookie.LoginPath = "/signin";
            cookie.Cookie.Name = SessionCookieName;
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.Cookie.SecurePolicy = development ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            // A session ends with the token it holds (8 hours for a demo user): a sliding session
            // would outlive the token and make the services refuse every call.
            cookie.ExpireTimeSpan = RedisTicketStore.DefaultLifetime;
            cookie.SlidingExpiration = false;
        });
        services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme)
            .Configure<RedisTicketStore>((cookie, store) => cookie.SessionStore = store);

        if (development)
        {
            services.AddValidatedOptions<DevSignInOptions, DevSignInOptionsValidator>(builder.Configuration, DevSignInOptions.SectionName);
            services.AddValidatedOptions<JwtOptions, DevSigningKeyValidator>(builder.Configuration, JwtOptions.SectionName);
            services.AddSingleton(provider =>
            {
                var jwt = provider.GetRequiredService<IOptions<JwtOptions>>().Value;
                return new DevTokenIssuer(jwt.Issuer, jwt.Audience, jwt.SigningKey!);
            });
            services.AddSingleton<DemoDonorLookup>();
            services.AddSingleton<DevSignIn>();
        }
        else
        {
            authentication.AddOpenIdConnect();
            services.AddValidatedOptions<PortalOidcOptions, PortalOidcOptionsValidator>(builder.Configuration, PortalOidcOptions.SectionName);
            services.AddOptions<OpenIdConnectOptions>(OpenIdConnectDefaults.AuthenticationScheme).Configure<IOptions<PortalOidcOptions>>(ConfigureOidc);
        }

        services.AddAuthorization();
        services.AddCascadingAuthenticationState();
        return builder;
    }

    private static void ConfigureOidc(OpenIdConnectOptions oidc, IOptions<PortalOidcOptions> options)
    {
        var portal = options.Value;
        oidc.Authority = portal.Authority;
        oidc.ClientId = portal.ClientId;
        oidc.ClientSecret = portal.ClientSecret;
        oidc.ResponseType = OpenIdConnectResponseType.Code;
        oidc.UsePkce = true;
        oidc.RequireHttpsMetadata = true;
        // The tokens go into the server-side session (the cookie holds only its key).
        oidc.SaveTokens = true;
        // The session ends with the access token, so no page calls a service with an expired one.
        oidc.UseTokenLifetime = true;
        oidc.MapInboundClaims = false;
        oidc.Scope.Add(portal.ApiScope!);
        oidc.Events.OnTokenValidated = context =>
        {
            // The pages show what the services will decide from the access token's claims.
            if (context.TokenEndpointResponse?.AccessToken is { } accessToken && context.Principal is { } principal)
            {
                var name = principal.FindFirstValue(AccessTokenIdentity.NameClaim) ?? principal.FindFirstValue(CallerClaims.Subject) ?? "";
                context.Principal = new ClaimsPrincipal(AccessTokenIdentity.From(accessToken, OpenIdConnectDefaults.AuthenticationScheme, name));
            }

            return Task.CompletedTask;
        };
    }
}

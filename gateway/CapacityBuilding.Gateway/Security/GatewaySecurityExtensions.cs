using CapacityBuilding.ServiceDefaults;
using CapacityBuilding.ServiceDefaults.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CapacityBuilding.Gateway.Security;

/// <summary>
/// The door's policies, each from ASP.NET Core and attached to YARP routes by name in
/// appsettings.json (<c>AuthorizationPolicy</c>, <c>RateLimiterPolicy</c>, <c>CorsPolicy</c>;
/// the deadline is the clusters', <see cref="Deadlines.GatewayDeadlines"/>): tokens validated here
/// and again in every service. Before any of them, each client address (the ingress's
/// <c>X-Forwarded-For</c> when it comes from a trusted proxy) has a bucket of its own.
/// </summary>
public static class GatewaySecurityExtensions
{
    public const string CorsPolicyName = "api";

    public static WebApplicationBuilder AddGatewaySecurity(this WebApplicationBuilder builder)
    {
        builder.Services.AddJwtAuthentication(builder.Configuration);
        builder.Services.Configure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, bearer => bearer.Events = new GatewayAuthenticationAnswers());
        // JwtBearer's scheme, handled by JwtBearer with the accepted tokens remembered.
        builder.Services.AddSingleton<AuthenticatedTokens>();
        builder.Services.AddTransient<RememberingJwtBearerHandler>();
        builder.Services.Configure<AuthenticationOptions>(authentication =>
            authentication.SchemeMap[JwtBearerDefaults.AuthenticationScheme].HandlerType = typeof(RememberingJwtBearerHandler));
        builder.Services.AddSharedAuthorizationServices();
        builder.Services.AddIngressForwardedHeaders(builder.Configuration);
        builder.Services.AddCallerRateLimiting(builder.Configuration);
        var origins = builder.Configuration.GetSection("Cors:AllowedOrigins").Get<string[]>() ?? [];
        builder.Services.AddCors(cors => cors.AddPolicy(CorsPolicyName, policy => policy
            .WithOrigins(origins)
            .WithMethods("GET", "POST", "PATCH", "DELETE")
            .WithHeaders("authorization", "content-type", "x-grpc-web", "grpc-timeout")
            .WithExposedHeaders("grpc-status", "grpc-message", "grpc-status-details-bin", "retry-after")));
        builder.Services.AddCors(cors => cors.AddPolicy(PublicRoutes.CorsPolicyName, policy => policy
            .AllowAnyOrigin()
            .WithMethods("GET")
            .WithHeaders("if-none-match", "if-modified-since")
            .WithExposedHeaders("etag", "last-modified", "retry-after")));
        // The CORS middleware asks for its policy provider on every call, with or without Origin;
        // ASP.NET Core's default one keeps no state, so one instance serves every call.
        builder.Services.Replace(ServiceDescriptor.Singleton<ICorsPolicyProvider, DefaultCorsPolicyProvider>());
        builder.ConfigureKestrelDefaults();
        return builder;
    }

    public static WebApplication UseGatewaySecurity(this WebApplication app)
    {
        app.UseIngressForwardedHeaders();
        app.UseSecurityHeaders();
        app.UseMiddleware<ClientAddressRateLimitMiddleware>();
        app.UseRequestBodyLimit();
        app.UseCors();
        app.UseWhen(RouteAuthorization.Requires, authenticated => authenticated.UseAuthentication());
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseWhen(PublicConditionalRequests.Applies, conditional => conditional.UseMiddleware<PublicConditionalRequests>());
        return app;
    }
}

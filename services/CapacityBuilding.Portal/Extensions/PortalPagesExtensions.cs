using CapacityBuilding.Portal.Components;
using CapacityBuilding.Portal.Identity;
using CapacityBuilding.Portal.Localization;

namespace CapacityBuilding.Portal.Extensions;

/// <summary>
/// Blazor static server rendering (no interactive render modes: every page works without a
/// WebSocket and without scripts; blazor.web.js only adds enhanced navigation and forms), and the
/// request pipeline in the order the pieces depend on each other.
/// </summary>
public static class PortalPagesExtensions
{
    public const string ErrorPath = "/error";

    public static WebApplicationBuilder AddPortalPages(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents();
        return builder;
    }

    public static WebApplication UsePortalPipeline(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseResponseCompression();
        app.UsePortalSecurityHeaders();
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = ErrorPath,
            CreateScopeForErrors = true,
            StatusCodeSelector = RpcErrorStatus.Of,
        });
        app.UseStatusCodePagesWithReExecute(ErrorPath, "?status={0}");
        app.UseRequestLocalization();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        return app;
    }

    public static WebApplication MapPortalEndpoints(this WebApplication app)
    {
        app.MapStaticAssets();
        app.MapHealthChecks("/health").AllowAnonymous();
        app.MapSignInEndpoints();
        app.MapCultureEndpoint();
        app.MapRazorComponents<App>();
        return app;
    }
}

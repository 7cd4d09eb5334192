using Microsoft.AspNetCore.Diagnostics;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using CapacityBuilding.Portal.Components;
using CapacityBuilding.Portal.Components.Pages.Funding;
using CapacityBuilding.Portal.Components.Pages.Registry;
using CapacityBuilding.Portal.Exports;
using CapacityBuilding.Portal.Identity;
using CapacityBuilding.Portal.Import;
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
        // Arabic, Cyrillic and Chinese text as UTF-8 rather than one &#x...; entity per letter,
        // which would triple a page's size in those languages.
        builder.Services.AddSingleton(HtmlEncoder.Create(UnicodeRanges.All));
        // Static assets exactly as the build compressed them. Served from a build (run.sh, the
        // tests), MapStaticAssets otherwise watches wwwroot for edits, and a file it takes for edited
        // is sent gzip-wrapped but uncompressed on every request (7.9 KB for a 2.4 KB stylesheet).
        builder.Configuration.AddInMemoryCollection([new("ReloadStaticAssetsAtRuntime", "false")]);
        builder.Services.AddRazorComponents();
        return builder;
    }

    public static WebApplication UsePortalPipeline(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseResponseCompression();
        app.UsePortalSecurityHeaders();
        app.UsePublicCaching();
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = ErrorPath,
            CreateScopeForErrors = true,
            StatusCodeSelector = RpcErrorStatus.Of,
        });
        // A scope of its own: when a page's call failed with NOT_FOUND, the exception handler's
        // re-execution answers 404 and Blazor hands that to status-code pages, whose second
        // re-execution in the same scope found NavigationManager already initialized (a 500).
        app.UseStatusCodePagesWithReExecute(ErrorPath, "?status={0}", createScopeForStatusCodePages: true);
        app.UseErrorPageAsRead();
        app.UseRequestLocalization();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        return app;
    }

    /// <summary>
    /// The error page answers a failed POST too (a form whose call failed, a post to a path that
    /// does not exist): re-executed as the POST it was, Blazor would look for the form it posts
    /// and answer a bare 400. The page reads nothing from the request, so it renders as a GET.
    /// </summary>
    private static void UseErrorPageAsRead(this WebApplication app) => app.Use((context, next) =>
    {
        if (context.Request.Path == ErrorPath
            && (context.Features.Get<IStatusCodeReExecuteFeature>() is not null || context.Features.Get<IExceptionHandlerFeature>() is not null))
        {
            context.Request.Method = HttpMethods.Get;
        }

        return next(context);
    });

    public static WebApplication MapPortalEndpoints(this WebApplication app)
    {
        app.MapStaticAssets();
        app.MapHealthChecks("/health").AllowAnonymous();
        app.MapSignInEndpoints();
        app.MapCultureEndpoint();
        app.MapIatiExportDownload();
        app.MapPublicIatiDownload();
        app.MapListDownloads();
        app.MapImportEndpoints();
        app.MapRazorComponents<App>();
        return app;
    }
}

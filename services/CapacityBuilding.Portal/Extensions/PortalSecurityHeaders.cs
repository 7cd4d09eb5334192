namespace CapacityBuilding.Portal.Extensions;

/// <summary>
/// Headers on every answer: a Content-Security-Policy that lets a page load only this site's own
/// scripts, styles, images and fonts (blazor.web.js needs nothing else for static rendering with
/// enhanced navigation), no framing, no MIME sniffing, no referrer to other sites. Pages are
/// per user, so no shared cache keeps them; fingerprinted static assets keep their own caching.
/// </summary>
public static class PortalSecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    public static IApplicationBuilder UsePortalSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            if (headers.CacheControl.Count == 0)
            {
                headers.CacheControl = "no-store";
            }

            return Task.CompletedTask;
        });
        await next(context);
    });
}

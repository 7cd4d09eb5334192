namespace CapacityBuilding.Portal.Extensions;

/// <summary>
/// Marks a page or endpoint whose answer is the same public data for everyone (the registry), so
/// that browsers may keep it a minute instead of <see cref="PortalSecurityHeaders"/>' <c>no-store</c>.
/// A page is cacheable by the visitor's own browser only (<c>private</c>): its layout carries the
/// visitor's antiforgery token (the language form) and, signed in, their name. A file with neither
/// (<see cref="Shared"/>, the IATI file) may be kept by shared caches too, as the gateway's public routes are.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false)]
public sealed class PublicCachingAttribute : Attribute
{
    public const string PageCacheControl = "private, max-age=60";

    public const string SharedCacheControl = "public, max-age=60, must-revalidate";

    public bool Shared { get; init; }

    public string CacheControl => Shared ? SharedCacheControl : PageCacheControl;
}

public static class PublicCaching
{
    /// <summary>
    /// Set when the answer starts, after the page rendered: antiforgery marks every answer that
    /// carries a token <c>no-cache, no-store</c>, which a page the visitor's own browser keeps does not need.
    /// </summary>
    public static IApplicationBuilder UsePublicCaching(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<PublicCachingAttribute>() is { } caching)
        {
            context.Response.OnStarting(() =>
            {
                if (context.Response.StatusCode == StatusCodes.Status200OK)
                {
                    context.Response.Headers.CacheControl = caching.CacheControl;
                    context.Response.Headers.Pragma = default;
                    context.Response.Headers.Vary = caching.Shared ? "Accept-Encoding" : "Cookie, Accept-Encoding";
                }

                return Task.CompletedTask;
            });
        }

        await next(context);
    });
}

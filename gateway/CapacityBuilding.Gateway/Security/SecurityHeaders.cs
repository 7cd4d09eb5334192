using Microsoft.Net.Http.Headers;

namespace CapacityBuilding.Gateway.Security;

/// <summary>
/// Response headers that keep browsers from sniffing, framing or caching API answers. gRPC
/// responses are left alone: no browser renders them. A header the upstream set stays: the
/// portal's pages carry their own Content-Security-Policy (which lets them load their scripts and
/// styles) and their static assets their own caching.
/// </summary>
public static class SecurityHeaders
{
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(next => context =>
    {
        // No async method and no closure per call: the headers are set from a static callback.
        if (!GrpcStatusResponses.IsGrpc(context.Request))
        {
            context.Response.OnStarting(AddHeaders, context.Response);
        }

        return next(context);
    });

    private static Task AddHeaders(object state)
    {
        var headers = ((HttpResponse)state).Headers;
        headers.TryAdd(HeaderNames.XContentTypeOptions, "nosniff");
        headers.TryAdd(HeaderNames.XFrameOptions, "DENY");
        headers.TryAdd(HeaderNames.ContentSecurityPolicy, "default-src 'none'; frame-ancestors 'none'");
        headers.TryAdd("Referrer-Policy", "no-referrer");
        headers.TryAdd(HeaderNames.CacheControl, "no-store");

        // The services' own Server header would come through the proxy otherwise.
        headers.Remove("Server");
        return Task.CompletedTask;
    }
}

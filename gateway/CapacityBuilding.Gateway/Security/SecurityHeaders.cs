namespace CapacityBuilding.Gateway.Security;

/// <summary>
/// Response headers that keep browsers from sniffing, framing or caching API answers. gRPC
/// responses are left alone: no browser renders them.
/// </summary>
public static class SecurityHeaders
{
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (!GrpcStatusResponses.IsGrpc(context.Request))
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers.ContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";
                headers["Referrer-Policy"] = "no-referrer";
                headers.CacheControl = "no-store";

                // The services' own Server header would come through the proxy otherwise.
                headers.Remove("Server");
                return Task.CompletedTask;
            });
        }

        await next(context);
    });
}

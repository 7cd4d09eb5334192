using Microsoft.AspNetCore.Http.Features;

namespace CapacityBuilding.Gateway.Security;

/// <summary>
/// Answers 413 at once when a declared body is larger than Kestrel's limit
/// (<c>Kestrel:Limits:MaxRequestBodySize</c>), before anything is forwarded. Kestrel enforces
/// the limit by itself while the body streams, but the proxy would then report the broken read
/// as a plain 400.
/// </summary>
public static class RequestBodyLimit
{
    public static IApplicationBuilder UseRequestBodyLimit(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var limit = context.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize;
        if (limit is not null && context.Request.ContentLength > limit)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }

        await next(context);
    });
}

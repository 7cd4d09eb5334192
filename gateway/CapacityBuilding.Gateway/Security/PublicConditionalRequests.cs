using Microsoft.AspNetCore.Http.Headers;
using Microsoft.Net.Http.Headers;

namespace CapacityBuilding.Gateway.Security;

/// <summary>
/// Conditional GETs on the public routes (RFC 9110 section 13): the service writes the validators
/// (<c>ETag</c>, <c>Last-Modified</c>) of what it answers, and the gateway answers 304 Not
/// Modified, without the body, when the client's <c>If-None-Match</c> names that tag, or, when it
/// sends none, its <c>If-Modified-Since</c> is not before <c>Last-Modified</c>. Public answers may
/// be cached by anyone for a minute and revalidated after. A conventional middleware, made once
/// with the pipeline rather than asked of the request's services on every call.
/// </summary>
public sealed class PublicConditionalRequests(RequestDelegate next)
{
    private const string CacheControl = "public, max-age=60, must-revalidate";

    /// <summary>Whether a call is one it answers: a GET on a public route (the pipeline runs it for those alone).</summary>
    public static bool Applies(HttpContext context) => HttpMethods.IsGet(context.Request.Method) && PublicRoutes.IsPublic(context);

    public async Task InvokeAsync(HttpContext context)
    {
        var body = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = body;
        }

        var response = context.Response;
        if (response.StatusCode == StatusCodes.Status200OK)
        {
            response.Headers.CacheControl = CacheControl;
            if (IsNotModified(context.Request.GetTypedHeaders(), response.GetTypedHeaders()))
            {
                response.StatusCode = StatusCodes.Status304NotModified;
                response.ContentLength = null;
                response.Headers.ContentType = default;
                return;
            }
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(body, context.RequestAborted);
    }

    private static bool IsNotModified(RequestHeaders request, ResponseHeaders response)
    {
        if (request.IfNoneMatch is { Count: > 0 } tags)
        {
            return response.ETag is { } etag && tags.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(etag, useStrongComparison: false));
        }

        return request.IfModifiedSince is { } since && response.LastModified is { } lastModified && lastModified <= since;
    }
}

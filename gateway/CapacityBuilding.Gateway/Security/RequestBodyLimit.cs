using CapacityBuilding.ServiceDefaults.Errors;
using Grpc.Core;
using Microsoft.AspNetCore.Http.Features;
using Yarp.ReverseProxy.Forwarder;

namespace CapacityBuilding.Gateway.Security;

/// <summary>
/// Request bodies up to Kestrel's limit (<c>Kestrel:Limits:MaxRequestBodySize</c>, or the route's
/// own, <see cref="RouteBodyLimits"/>), refused with
/// RESOURCE_EXHAUSTED (REST 413) and an ErrorInfo, for REST and gRPC alike. A declared length
/// over the limit is answered at once, before anything is forwarded. A body without one (chunked
/// REST) is cut off by Kestrel while it streams to the service. YARP lifts Kestrel's limit for
/// gRPC calls (it treats them as streams), so their bodies are counted here instead
/// (<see cref="LengthLimitedStream"/>). Either way the proxy reports the broken read as a plain
/// 400, which this turns into the same answer.
/// </summary>
public static class RequestBodyLimit
{
    public static IApplicationBuilder UseRequestBodyLimit(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var feature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (feature is { IsReadOnly: false } && RouteBodyLimits.Of(context) is { } routeLimit)
        {
            feature.MaxRequestBodySize = routeLimit;
        }

        var limit = feature?.MaxRequestBodySize;
        if (limit is not null && context.Request.ContentLength > limit)
        {
            await RefuseAsync(context, limit.Value);
            return;
        }

        if (limit is not null && GrpcStatusResponses.IsGrpc(context.Request))
        {
            context.Request.Body = new LengthLimitedStream(context.Request.Body, limit.Value);
        }

        await next(context);
        if (limit is not null && !context.Response.HasStarted && WasCutOffAtTheLimit(context))
        {
            context.Response.Clear();
            await RefuseAsync(context, limit.Value);
        }
    });

    private static bool WasCutOffAtTheLimit(HttpContext context)
    {
        for (var exception = context.Features.Get<IForwarderErrorFeature>()?.Exception; exception is not null; exception = exception.InnerException)
        {
            if (exception is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge })
            {
                return true;
            }
        }

        return false;
    }

    private static Task RefuseAsync(HttpContext context, long limit) =>
        GrpcStatusResponses.WriteAsync(context, StatusCode.ResourceExhausted, StatusCodes.Status413PayloadTooLarge,
            ErrorReasons.RequestTooLarge, $"The request is larger than the gateway accepts ({limit} bytes).", CancellationToken.None);
}

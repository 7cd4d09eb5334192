using System.Globalization;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace CapacityBuilding.ServiceDefaults.Errors;

/// <summary>
/// A gRPC message over the size limit gets RESOURCE_EXHAUSTED with an ErrorInfo, like every other
/// error. Kestrel's body limit would cut the body off under grpc-dotnet, which then answers UNKNOWN
/// ("Exception was thrown by handler"), so for gRPC calls it is lifted and grpc-dotnet's own
/// per-message limit, set to the same number (<see cref="KestrelDefaults"/>), decides. grpc-dotnet
/// refuses the message before any interceptor runs, in a trailers-only answer without details;
/// the ErrorInfo is added here as that answer's headers go out.
/// </summary>
public static class GrpcMessageSizeLimit
{
    private const string StatusHeader = "grpc-status";
    private const string DetailsHeader = "grpc-status-details-bin";

    public static IApplicationBuilder UseGrpcMessageSizeLimit(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        if (context.Request.ContentType?.StartsWith("application/grpc", StringComparison.Ordinal) == true)
        {
            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodyLimit)
            {
                bodyLimit.MaxRequestBodySize = null;
            }

            context.Response.OnStarting(AddErrorInfo, context);
        }

        return next(context);
    });

    private static Task AddErrorInfo(object state)
    {
        var context = (HttpContext)state;
        var headers = context.Response.Headers;
        var resourceExhausted = ((int)Code.ResourceExhausted).ToString(CultureInfo.InvariantCulture);
        if (headers[StatusHeader] == resourceExhausted && !headers.ContainsKey(DetailsHeader))
        {
            var status = new Google.Rpc.Status { Code = (int)Code.ResourceExhausted, Message = Uri.UnescapeDataString(headers["grpc-message"].ToString()) };
            status.Details.Add(Any.Pack(new ErrorInfo { Reason = ErrorReasons.RequestTooLarge, Domain = context.RequestServices.GetRequiredService<ErrorDomain>().Value }));
            headers[DetailsHeader] = Convert.ToBase64String(status.ToByteArray());
        }

        return Task.CompletedTask;
    }
}

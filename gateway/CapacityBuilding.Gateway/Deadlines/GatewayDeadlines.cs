using CapacityBuilding.Gateway.Security;
using CapacityBuilding.ServiceDefaults.Configuration;
using CapacityBuilding.ServiceDefaults.Errors;
using CapacityBuilding.ServiceDefaults.Telemetry;
using Microsoft.Extensions.Options;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Transforms;

namespace CapacityBuilding.Gateway.Deadlines;

/// <summary>
/// One deadline for every call through the door (<see cref="DeadlineOptions"/>), kept by YARP's
/// activity timeout on every cluster (<see cref="ClusterDeadlines"/>): a call may go that long
/// without an answer or a byte moving either way. The service is told a slightly shorter one in
/// <c>grpc-timeout</c> (a caller's own, when shorter, stays), so it stops its work and answers
/// DEADLINE_EXCEEDED itself. When the gateway's deadline still runs out first (a service that does
/// not answer at all), the caller gets DEADLINE_EXCEEDED, or 504 on REST, with an ErrorInfo
/// instead of the proxy's bare 504.
/// </summary>
public static partial class GatewayDeadlines
{
    public static WebApplicationBuilder AddGatewayDeadlines(this WebApplicationBuilder builder, IReverseProxyBuilder proxy)
    {
        builder.Services.AddValidatedOptions<DeadlineOptions, DeadlineOptionsValidator>(builder.Configuration, DeadlineOptions.SectionName);
        proxy.AddConfigFilter<ClusterDeadlines>();
        proxy.AddTransforms(context =>
        {
            var options = context.Services.GetRequiredService<IOptions<DeadlineOptions>>().Value;
            var serviceDeadline = options.Request - options.ServiceMargin;
            // Most callers set no deadline of their own, or a longer one: their header is the same text every time.
            var serviceDeadlineHeader = GrpcTimeoutHeader.Format(serviceDeadline);
            context.AddRequestTransform(transform =>
            {
                if (GrpcStatusResponses.IsGrpc(transform.HttpContext.Request))
                {
                    var callers = transform.HttpContext.Request.Headers[GrpcTimeoutHeader.Name].ToString();
                    var header = GrpcTimeoutHeader.TryParse(callers, out var callerDeadline) && callerDeadline < serviceDeadline
                        ? GrpcTimeoutHeader.Format(callerDeadline)
                        : serviceDeadlineHeader;
                    transform.ProxyRequest.Headers.Remove(GrpcTimeoutHeader.Name);
                    transform.ProxyRequest.Headers.TryAddWithoutValidation(GrpcTimeoutHeader.Name, header);
                }

                return ValueTask.CompletedTask;
            });
        });
        return builder;
    }

    public static WebApplication UseGatewayDeadlines(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            await next(context);
            if (context.Features.Get<IForwarderErrorFeature>()?.Error == ForwarderError.RequestTimedOut && !context.Response.HasStarted)
            {
                var destination = context.Features.Get<Yarp.ReverseProxy.Model.IReverseProxyFeature>()?.ProxiedDestination?.Model.Config.Address;
                LogDeadlineExceeded(context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(GatewayDeadlines)),
                    context.Request.Path, destination ?? "(none)");
                context.Response.Clear();
                await GrpcStatusResponses.WriteAsync(context, Grpc.Core.StatusCode.DeadlineExceeded, StatusCodes.Status504GatewayTimeout,
                    ErrorReasons.DeadlineExceeded, "The service did not answer in time. It may still have applied the call: retry a create with the same request_id, and read again before repeating a change.", CancellationToken.None);
            }
        });
        return app;
    }

    [LoggerMessage(EventId = EventIds.GatewayDeadlineExceeded, Level = LogLevel.Warning, Message = "Call {Path} to {Destination} ran out of the gateway's deadline; the caller gets DEADLINE_EXCEEDED")]
    private static partial void LogDeadlineExceeded(ILogger logger, string path, string destination);
}

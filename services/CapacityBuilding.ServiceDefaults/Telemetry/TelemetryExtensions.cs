using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace CapacityBuilding.ServiceDefaults.Telemetry;

/// <summary>
/// Traces, metrics and structured logs. Logs are JSON with the trace and span ids of the call
/// they belong to; traces and metrics are recorded and sent to an OTLP collector when
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set, and not recorded at all otherwise.
/// </summary>
public static class TelemetryExtensions
{
    public static IHostApplicationBuilder AddTelemetry(this IHostApplicationBuilder builder, string serviceName)
    {
        builder.Logging.Configure(options =>
            options.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);
        builder.Services.AddSidecarTraceContext();
        builder.Logging.AddJsonConsole(options =>
        {
            options.IncludeScopes = true;
            options.UseUtcTimestamp = true;
            options.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
        });

        // Without a collector to send them to, recording spans and metrics is pure cost on every
        // call (the benchmark measured it on the gateway's hot path), so nothing is recorded; logs
        // still carry the trace ids that ASP.NET Core and gRPC propagate.
        if (string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            return builder;
        }

        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName))
            .WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation()
                .AddGrpcClientInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRedisInstrumentation())
            .WithMetrics(metrics => metrics
                .AddMeter("CapacityBuilding.*")
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation())
            .UseOtlpExporter();
        return builder;
    }

    /// <summary>Incoming calls continue the trace of the last <c>traceparent</c> they carry (<see cref="LastTraceparentPropagator"/>).</summary>
    public static IServiceCollection AddSidecarTraceContext(this IServiceCollection services) =>
        services.AddSingleton<DistributedContextPropagator>(new LastTraceparentPropagator(DistributedContextPropagator.Current));
}

using CapacityBuilding.ServiceDefaults.Errors;
using CapacityBuilding.ServiceDefaults.Health;
using CapacityBuilding.ServiceDefaults.Identity;
using CapacityBuilding.ServiceDefaults.Load;
using CapacityBuilding.ServiceDefaults.Paging;
using CapacityBuilding.ServiceDefaults.Redis;
using CapacityBuilding.ServiceDefaults.Telemetry;
using CapacityBuilding.ServiceDefaults.Validation;
using Google.Protobuf.Reflection;
using Google.Rpc;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CapacityBuilding.ServiceDefaults;

/// <summary>What every service of the suite is made of, besides its own gRPC service.</summary>
public static class ServiceDefaultsExtensions
{
    /// <param name="serviceName">The service's name, which is also its app-id, its Redis key prefix and its error domain.</param>
    public static WebApplicationBuilder AddServiceDefaults(this WebApplicationBuilder builder, string serviceName)
    {
        builder.AddTelemetry(serviceName);
        builder.ConfigureKestrelDefaults();
        builder.Services.AddRedisKeyspace(builder.Configuration, serviceName);

        builder.Services.AddSingleton(ErrorDomain.ForService(serviceName));
        builder.Services.AddConcurrentCallLimit(builder.Configuration, ErrorDomain.ForService(serviceName));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<ApiErrors>();
        builder.Services.AddSingleton<PageTokens>();
        builder.Services.AddSingleton(new AnnotatedFieldRules());
        builder.Services.AddSingleton<FreeTextFields>();

        // Every call but health and reflection needs a valid token (the fallback policy) and the
        // identity of the app relaying it (RelayingAppInterceptor); which role may call which
        // method is the service's MethodPermissions table.
        builder.Services.AddServiceAuthentication(builder.Configuration);
        builder.Services.AddAuthorization(options => options.FallbackPolicy = CallerPolicies.Build());

        builder.Services
            .AddGrpc(options =>
            {
                options.Interceptors.Add<ErrorMappingInterceptor>();
                options.Interceptors.Add<RelayingAppInterceptor>();
                options.Interceptors.Add<MethodPermissionInterceptor>();
                // Text is refused or normalised before the field rules measure it.
                options.Interceptors.Add<FreeTextInterceptor>();
                options.Interceptors.Add<RequestValidationInterceptor>();
            })
            .AddJsonTranscoding(options =>
            {
                // REST callers get the same rich error details as gRPC callers.
                options.TypeRegistry = TypeRegistry.FromFiles(ErrorDetailsReflection.Descriptor);
                // The proto3 JSON mapping: 64-bit integers (money units) as strings, which
                // JavaScript clients can read without losing precision.
                options.JsonSettings.WriteInt64sAsStrings = true;
            });
        builder.Services.AddGrpcReflection();
        builder.Services.AddGrpcHealthChecks();
        builder.Services.AddLivenessHealthService();

        // Report a Redis outage (and its end) within seconds rather than the default 30.
        builder.Services.Configure<HealthCheckPublisherOptions>(options =>
        {
            options.Delay = TimeSpan.FromSeconds(1);
            options.Period = TimeSpan.FromSeconds(5);
        });
        return builder;
    }

    /// <summary>
    /// The standard gRPC health service (grpc.health.v1), reflection for tooling, and
    /// <c>/health</c> for the gateway's active health checks; gRPC messages over the size limit
    /// answered with an ErrorInfo (<see cref="GrpcMessageSizeLimit"/>).
    /// </summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.UseGrpcMessageSizeLimit();
        app.MapGrpcHealthChecksService().AllowAnonymous();
        app.MapGrpcReflectionService().AllowAnonymous();
        app.MapHealthChecks("/health").AllowAnonymous();
        return app;
    }
}

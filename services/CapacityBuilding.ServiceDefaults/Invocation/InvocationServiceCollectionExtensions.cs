using CapacityBuilding.Contracts.Transport;
using CapacityBuilding.ServiceDefaults.Errors;
using Dapr;
using Dapr.Client;
using Grpc.Core;
using Grpc.Net.ClientFactory;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CapacityBuilding.ServiceDefaults.Invocation;

/// <summary>
/// The invocation layer: one call gives a typed gRPC client for a target app-id, and
/// configuration decides how it travels. Both modes go through the gRPC client factory, so the
/// same call sites get deadline and cancellation propagation from the incoming call, tracing and
/// one shared HTTP/2 connection pool per target, with <see cref="Http2ClientHandler"/>'s window,
/// and an app that cannot be reached becomes the caller's UNAVAILABLE in one place
/// (<see cref="UnreachableAppInterceptor"/>). Classes that call the app take a <see cref="ServiceClientFactory{TClient}"/> and make the
/// client when they call.
/// </summary>
public static class InvocationServiceCollectionExtensions
{
    /// <param name="whenUnreachable">What our caller is told when <paramref name="appId"/> cannot be reached.</param>
    public static IHttpClientBuilder AddServiceClient<TClient>(this IServiceCollection services, IConfiguration configuration, string appId,
        UnreachableAnswer whenUnreachable)
        where TClient : ClientBase
    {
        var options = configuration.GetSection(InvocationOptions.SectionName).Get<InvocationOptions>() ?? new InvocationOptions();
        services.AddHttpContextAccessor();
        var builder = services.AddGrpcClient<TClient>(client => client.Address = AddressOf(options, configuration, appId))
            .ConfigurePrimaryHttpMessageHandler(Http2ClientHandler.Create)
            // After an outage the channel reconnects with exponential back-off; the default cap
            // (two minutes) would keep answering UNAVAILABLE long after the target is back.
            .ConfigureChannel(channel => channel.MaxReconnectBackoff = options.MaxReconnectBackoff)
            .EnableCallContextPropagation(propagation => propagation.SuppressContextNotFoundErrors = true)
            .AddInterceptor(() => new CallDeadlineInterceptor(options.CallDeadline))
            .AddInterceptor(provider => new CallerPropagationInterceptor(provider.GetRequiredService<IHttpContextAccessor>()))
            .AddInterceptor(InterceptorScope.Channel, provider => new UnreachableAppInterceptor(appId, whenUnreachable,
                provider.GetRequiredService<ApiErrors>(), provider.GetRequiredService<ILogger<UnreachableAppInterceptor>>()));

        if (options.Mode == InvocationMode.Dapr)
        {
            // The Dapr SDK's own interceptor: adds dapr-app-id (and dapr-api-token when the app
            // has one) to every call type, as daprd's gRPC proxy expects.
            var apiToken = DaprDefaults.GetDefaultDaprApiToken(configuration);
            builder.AddInterceptor(() => new InvocationInterceptor(appId, string.IsNullOrEmpty(apiToken) ? null : apiToken));
        }

        services.AddSingleton(provider => new ServiceClientFactory<TClient>(provider.GetRequiredService<GrpcClientFactory>(), builder.Name));
        return builder;
    }

    private static Uri AddressOf(InvocationOptions options, IConfiguration configuration, string appId) => options.Mode switch
    {
        // DAPR_GRPC_ENDPOINT when set, else http://localhost:{DAPR_GRPC_PORT or 50001}.
        InvocationMode.Dapr => new Uri(DaprDefaults.GetDefaultGrpcEndpoint(configuration)),
        _ => options.Apps.TryGetValue(appId, out var address)
            ? address
            : throw new InvalidOperationException(
                $"Invocation:Mode is Direct but Invocation:Apps:{appId} is not configured; set the address of '{appId}'."),
    };
}

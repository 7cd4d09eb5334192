using CapacityBuilding.Contracts.Transport;
using CapacityBuilding.ServiceDefaults.Configuration;
using CapacityBuilding.ServiceDefaults.Errors;
using CapacityBuilding.ServiceDefaults.Identity;
using Dapr;
using Dapr.Client;
using Grpc.Core;
using Grpc.Net.ClientFactory;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CapacityBuilding.ServiceDefaults.Invocation;

/// <summary>
/// The invocation layer: one call gives a typed gRPC client for a target app-id, and
/// configuration decides how it travels. Both modes go through the gRPC client factory, so the
/// same call sites get deadline and cancellation propagation from the incoming call, tracing and
/// one shared HTTP/2 connection pool per target, with <see cref="Http2ClientHandler"/>'s window,
/// and an app that cannot be reached becomes the caller's UNAVAILABLE in one place
/// (<see cref="UnreachableAppInterceptor"/>). Classes that call the app take a <see cref="ServiceClientFactory{TClient}"/> and make the
/// client when they call. Where each target is reached is checked when the process starts
/// (<see cref="InvocationTargetValidator"/>), not at the first call.
/// </summary>
public static class InvocationServiceCollectionExtensions
{
    /// <param name="whenUnreachable">What our caller is told when <paramref name="appId"/> cannot be reached.</param>
    public static IHttpClientBuilder AddServiceClient<TClient>(this IServiceCollection services, IConfiguration configuration, string appId,
        UnreachableAnswer whenUnreachable)
        where TClient : ClientBase
    {
        services.AddValidatedOptions<InvocationOptions, InvocationOptionsValidator>(configuration, InvocationOptions.SectionName);
        services.AddSingleton<IValidateOptions<InvocationOptions>>(new InvocationTargetValidator(appId, configuration));
        services.AddHttpContextAccessor();
        // A front end that acts for a signed-in user registers its own before this.
        services.TryAddSingleton<ICallerToken, IncomingAuthorizationCallerToken>();
        var builder = services.AddGrpcClient<TClient>((provider, client) => client.Address = AddressOf(InvocationOf(provider), configuration, appId))
            .ConfigurePrimaryHttpMessageHandler(Http2ClientHandler.Create)
            // After an outage the channel reconnects with exponential back-off; the default cap
            // (two minutes) would keep answering UNAVAILABLE long after the target is back.
            .ConfigureChannel((provider, channel) => channel.MaxReconnectBackoff = InvocationOf(provider).MaxReconnectBackoff)
            .EnableCallContextPropagation(propagation => propagation.SuppressContextNotFoundErrors = true)
            .AddInterceptor(provider => new CallDeadlineInterceptor(InvocationOf(provider).CallDeadline))
            .AddInterceptor(provider => new CallerPropagationInterceptor(provider.GetRequiredService<ICallerToken>()))
            .AddInterceptor(InterceptorScope.Channel, provider => new UnreachableAppInterceptor(appId, whenUnreachable,
                provider.GetRequiredService<ApiErrors>(), provider.GetRequiredService<ILogger<UnreachableAppInterceptor>>()));

        services.AddOptions<GrpcClientFactoryOptions>(builder.Name).Configure<IOptions<InvocationOptions>>((client, invocation) =>
        {
            if (invocation.Value.Mode == InvocationMode.Dapr)
            {
                // The Dapr SDK's own interceptor: adds dapr-app-id (and dapr-api-token when the app
                // has one) to every call type, as daprd's gRPC proxy expects.
                var apiToken = DaprDefaults.GetDefaultDaprApiToken(configuration);
                client.InterceptorRegistrations.Add(new InterceptorRegistration(
                    InterceptorScope.Channel, _ => new InvocationInterceptor(appId, string.IsNullOrEmpty(apiToken) ? null : apiToken)));
            }
        });

        services.AddSingleton(provider => new ServiceClientFactory<TClient>(provider.GetRequiredService<GrpcClientFactory>(), builder.Name));
        return builder;
    }

    /// <summary>
    /// Calls through this client carry the app's own identity (<see cref="ServiceTokens"/>) instead
    /// of the caller's token: for reads that must not go back to the caller's rules in the other app.
    /// </summary>
    public static IHttpClientBuilder CallAsService(this IHttpClientBuilder builder, string appId)
    {
        builder.Services.AddSingleton<IValidateOptions<JwtOptions>, ServiceTokenKeyValidator>();
        builder.Services.AddSingleton(provider => new ServiceTokens(appId, provider.GetRequiredService<IOptions<JwtOptions>>(), provider.GetRequiredService<TimeProvider>()));
        return builder.AddInterceptor(provider => new ServiceIdentityInterceptor(provider.GetRequiredService<ServiceTokens>()));
    }

    private static InvocationOptions InvocationOf(IServiceProvider provider) => provider.GetRequiredService<IOptions<InvocationOptions>>().Value;

    // Validated at start, so both addresses are there and absolute.
    private static Uri AddressOf(InvocationOptions options, IConfiguration configuration, string appId) => options.Mode switch
    {
        // DAPR_GRPC_ENDPOINT when set, else http://localhost:{DAPR_GRPC_PORT or 50001}.
        InvocationMode.Dapr => new Uri(DaprDefaults.GetDefaultGrpcEndpoint(configuration)),
        _ => options.Apps[appId],
    };
}

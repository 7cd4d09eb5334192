using CapacityBuilding.ServiceDefaults.Identity;
using Yarp.ReverseProxy.Transforms;

namespace CapacityBuilding.Gateway.Security;

/// <summary>
/// The gateway names itself on every call it forwards: a service takes a user's token only from an
/// app of the suite that relays it (<see cref="RelayingAppInterceptor"/>), so that a token stolen
/// from a user opens the public door and nothing behind it. What a client sent in the headers that
/// name an app (the gateway's own, and Dapr's <c>dapr-caller-app-id</c>) is dropped, never passed on.
/// On a <see cref="PublicRoutes">public route</see> the gateway is the caller too: its own token
/// replaces whatever <c>authorization</c> the client sent.
/// </summary>
public static class GatewayAppIdentity
{
    public static WebApplicationBuilder AddGatewayAppIdentity(this WebApplicationBuilder builder, IReverseProxyBuilder proxy)
    {
        builder.Services.AddServiceTokens(builder.Configuration, "the gateway signs with it its identity on every call it forwards to a service.");
        proxy.AddTransforms(context =>
        {
            var tokens = context.Services.GetRequiredService<ServiceTokens>();
            var isPublic = PublicRoutes.IsPublic(context.Route);
            // The header's text is made once per token (minted every few minutes), not once per call.
            RelayingHeaderText? relaying = null;
            context.AddRequestTransform(transform =>
            {
                var token = tokens.Current();
                if (relaying is not { } text || !ReferenceEquals(text.Token, token))
                {
                    relaying = text = new RelayingHeaderText(token, RelayingAppHeader.Format(token));
                }

                var headers = transform.ProxyRequest.Headers;
                headers.Remove(DaprSidecarIdentity.CallerAppIdHeader);
                headers.Remove(DaprSidecarIdentity.AppApiTokenHeader);
                headers.Remove(RelayingAppHeader.Name);
                headers.TryAddWithoutValidation(RelayingAppHeader.Name, text.Header);
                if (isPublic)
                {
                    // A public route asks as the gateway, whatever token the client sent: the service gives it the public view only.
                    headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
                }

                return ValueTask.CompletedTask;
            });
        });
        return builder;
    }

    /// <summary>A service token and its relaying header, replaced whole so that concurrent calls read a matching pair.</summary>
    private sealed record RelayingHeaderText(string Token, string Header);
}

using System.Security.Cryptography;
using System.Text;
using Dapr;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

namespace CapacityBuilding.ServiceDefaults.Identity;

/// <summary>
/// Which app called through Dapr, as the sidecar tells it. The caller's daprd appends
/// <c>dapr-caller-app-id</c> after whatever the calling app sent (dapr/dapr v1.16.19
/// <c>pkg/messaging/grpc_proxy.go</c>), so the last value is the sidecar's; the values may arrive
/// as separate fields or as one joined by commas (the same list, RFC 9110 section 5.3). daprd
/// sends the app's own <c>APP_API_TOKEN</c>
/// (<c>dapr.io/app-token-secret</c>) as <c>dapr-api-token</c> on every call it delivers. Only a call
/// carrying that token came through the sidecar; any other <c>dapr-caller-app-id</c> was written by
/// whoever sent the call and is ignored. Without <c>APP_API_TOKEN</c> (Direct mode) none is believed.
/// </summary>
public sealed class DaprSidecarIdentity(IConfiguration configuration)
{
    public const string CallerAppIdHeader = "dapr-caller-app-id";
    public const string AppApiTokenHeader = "dapr-api-token";

    private readonly byte[]? appApiToken = DaprDefaults.GetDefaultAppApiToken(configuration) is { Length: > 0 } token ? Encoding.UTF8.GetBytes(token) : null;

    /// <summary>The calling app's id when the sidecar delivered the call; null otherwise.</summary>
    public string? CallerAppIdOf(HttpRequest request)
    {
        if (appApiToken is null
            || !request.Headers.TryGetValue(AppApiTokenHeader, out var sent) || sent.Count != 1
            || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(sent.ToString()), appApiToken))
        {
            return null;
        }

        var callers = request.Headers[CallerAppIdHeader].SelectMany(value => (value ?? "").Split(',', StringSplitOptions.TrimEntries)).ToList();
        return callers.Count > 0 && !string.IsNullOrWhiteSpace(callers[^1]) ? callers[^1] : null;
    }
}

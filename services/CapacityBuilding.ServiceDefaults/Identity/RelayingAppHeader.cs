using Microsoft.AspNetCore.Http;

namespace CapacityBuilding.ServiceDefaults.Identity;

/// <summary>
/// The metadata in which an app calling a service directly (not through Dapr) names itself: its
/// service token (<see cref="ServiceTokens"/>) as <c>Bearer &lt;token&gt;</c>, beside the user's own
/// token in <c>authorization</c>. Through Dapr the sidecars name the caller instead
/// (<see cref="DaprSidecarIdentity"/>).
/// </summary>
public static class RelayingAppHeader
{
    public const string Name = "capacitybuilding-relaying-app";

    private const string Bearer = "Bearer ";

    public static string Format(string serviceToken) => Bearer + serviceToken;

    /// <summary>The token in the header; null when it is absent, empty when it is not a bearer token.</summary>
    internal static string? TokenOf(HttpRequest request)
    {
        if (!request.Headers.TryGetValue(Name, out var values))
        {
            return null;
        }

        var value = values.ToString();
        return values.Count == 1 && value.StartsWith(Bearer, StringComparison.OrdinalIgnoreCase) ? value[Bearer.Length..].Trim() : "";
    }
}

using System.Globalization;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Model;

namespace CapacityBuilding.Gateway.Security;

/// <summary>
/// A route may take larger bodies than Kestrel's limit for every other route with
/// <c>"Metadata": { "MaxRequestBodySize": "&lt;bytes&gt;" }</c> in appsettings.json: the portal's
/// spreadsheet upload (<c>POST /import/upload</c>, as large as the portal's
/// <c>Portal:Import:MaxFileBytes</c> plus its form) and nothing else. Checked at start, so a
/// typo fails the gateway's start rather than the upload.
/// </summary>
public static class RouteBodyLimits
{
    public const string MetadataKey = "MaxRequestBodySize";

    /// <summary>The route's own limit, if it sets one.</summary>
    public static long? Of(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<RouteModel>() is { } route ? Of(route.Config) : null;

    public static long? Of(RouteConfig route) =>
        route.Metadata?.TryGetValue(MetadataKey, out var value) == true
            ? long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var bytes) && bytes > 0
                ? bytes
                : throw new InvalidOperationException($"Route '{route.RouteId}': Metadata:{MetadataKey} must be a positive number of bytes, not '{value}'.")
            : null;
}

using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CapacityBuilding.Gateway.Health;

/// <summary>Writes <c>/health</c> as JSON: the overall status and each cluster's state.</summary>
public static class ClusterHealthResponseWriter
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        var body = new Dictionary<string, object>
        {
            ["status"] = report.Status.ToString(),
            ["clusters"] = report.Entries.Values.SelectMany(entry => entry.Data).ToDictionary(data => data.Key, data => data.Value),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body));
    }
}

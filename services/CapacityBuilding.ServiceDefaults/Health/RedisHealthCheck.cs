using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace CapacityBuilding.ServiceDefaults.Health;

/// <summary>
/// Healthy while Redis answers a PING. Feeds both the gRPC health service (NOT_SERVING while
/// Redis is away, SERVING again once it is back) and the HTTP <c>/health</c> endpoint.
/// </summary>
public sealed class RedisHealthCheck(IConnectionMultiplexer connection) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        // While disconnected a PING would wait out the whole command timeout; the answer is
        // already known.
        if (!connection.IsConnected)
        {
            return HealthCheckResult.Unhealthy("Redis is not connected.");
        }

        try
        {
            var latency = await connection.GetDatabase().PingAsync().WaitAsync(cancellationToken);
            return HealthCheckResult.Healthy($"Redis answered in {latency.TotalMilliseconds:F1} ms.");
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("Redis does not answer.");
        }
    }
}

using System.Diagnostics;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;

namespace CapacityBuilding.DemoData;

/// <summary>
/// Waits until the gateway's standard gRPC health service answers SERVING. The gateway only
/// reports SERVING once every cluster has a healthy service behind it, so loading can start
/// right after, even when the loader is launched together with the suite.
/// </summary>
public static class GatewayReadiness
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan ProbeInterval = TimeSpan.FromSeconds(1);

    public static async Task WaitAsync(GrpcChannel channel, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var health = new Health.HealthClient(channel);
        var waited = Stopwatch.StartNew();
        var lastAnswer = "no answer";
        while (true)
        {
            try
            {
                var response = await health.CheckAsync(
                    new HealthCheckRequest(), deadline: DateTime.UtcNow.Add(ProbeTimeout), cancellationToken: cancellationToken);
                if (response.Status == HealthCheckResponse.Types.ServingStatus.Serving)
                {
                    return;
                }

                lastAnswer = response.Status.ToString();
            }
            catch (RpcException e) when (e.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded)
            {
                lastAnswer = $"{e.StatusCode}: {e.Status.Detail}";
            }

            if (waited.Elapsed >= timeout)
            {
                throw new DemoDataException(
                    $"the gateway at {channel.Target} was not serving after {timeout.TotalSeconds:0} s (last answer: {lastAnswer}).");
            }

            await Task.Delay(ProbeInterval, cancellationToken);
        }
    }
}

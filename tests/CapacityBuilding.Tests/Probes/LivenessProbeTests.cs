using CapacityBuilding.Testing;
using CapacityBuilding.Tests.Infrastructure;
using Grpc.Health.V1;

namespace CapacityBuilding.Tests.Probes;

/// <summary>
/// What the Kubernetes probes of k8s/ ask: the <c>liveness</c> service of grpc.health.v1 answers
/// SERVING while the process runs, even when the default service is NOT_SERVING because Redis is
/// away, so that an outage of Redis takes pods out of the Service (readiness) without restarting
/// them (liveness).
/// </summary>
[Collection(SuiteDefinition.Name)]
public sealed class LivenessProbeTests(SuiteFixture suite)
{
    [Fact]
    public async Task A_service_without_redis_is_alive_but_not_ready()
    {
        var deadRedis = $"127.0.0.1:{FreePort.Next()},connectTimeout=500";
        var (process, channel) = await suite.StartExtraAssistanceAsync(
            SuiteFixture.DirectTo(suite.TrainingAddress), deadRedis, HealthCheckResponse.Types.ServingStatus.NotServing);
        await using var _ = process;
        var health = AsKubelet(channel);

        var readiness = await health.CheckAsync(new HealthCheckRequest());
        var liveness = await health.CheckAsync(new HealthCheckRequest { Service = "liveness" });

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.NotServing, readiness.Status);
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, liveness.Status);
    }

    [Fact]
    public async Task The_gateway_answers_its_liveness_service()
    {
        var health = AsKubelet(suite.Gateway);

        var liveness = await health.CheckAsync(new HealthCheckRequest { Service = "liveness" });

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, liveness.Status);
    }

    /// <summary>The kubelet's gRPC probe: the same address, no bearer token.</summary>
    private Grpc.Health.V1.Health.HealthClient AsKubelet(Grpc.Net.Client.GrpcChannel channel) =>
        new(suite.Channel(new Uri($"http://{channel.Target}"), token: ""));
}

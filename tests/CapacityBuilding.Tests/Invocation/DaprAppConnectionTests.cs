using CapacityBuilding.Tests.DaprStandIn;
using CapacityBuilding.Tests.Infrastructure;
using Grpc.Health.V1;
using Grpc.Net.Client;

namespace CapacityBuilding.Tests.Invocation;

/// <summary>
/// daprd reaches an app over one HTTP/2 connection for every caller (dapr/dapr v1.16.19
/// pkg/api/grpc/manager/manager.go), and waits for a stream when the app's limit of concurrent
/// streams is reached, as grpc-go does. Kestrel's default of 100 would cap a pod at 100 calls in
/// flight from its sidecar and queue the rest; the services raise it on purpose
/// (<c>Kestrel:Limits:Http2:MaxStreamsPerConnection</c>, docs/dapr.md). Here 150 calls stay open on
/// one daprd-like connection (health watches) and one more still gets its answer at once.
/// </summary>
[Collection(SuiteDefinition.Name)]
public sealed class DaprAppConnectionTests(SuiteFixture suite)
{
    public static TheoryData<string> Services => ["assistance", "training", "funding"];

    [Theory]
    [MemberData(nameof(Services))]
    public async Task One_sidecar_connection_carries_more_than_100_calls_at_once(string service)
    {
        var address = service switch
        {
            "assistance" => suite.AssistanceAddress,
            "training" => suite.TrainingAddress,
            _ => suite.FundingAddress,
        };
        using var channel = GrpcChannel.ForAddress(address, new GrpcChannelOptions { HttpHandler = DaprdAppConnection.CreateHandler() });
        var health = new Health.HealthClient(channel);
        using var held = new CancellationTokenSource();
        // A watch that cannot start (past the server's limit) fails at its deadline rather than hang the test.
        var watches = Enumerable.Range(0, 150)
            .Select(_ => health.Watch(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(30), cancellationToken: held.Token)).ToList();
        try
        {
            foreach (var watch in watches)
            {
                Assert.True(await watch.ResponseStream.MoveNext(CancellationToken.None));
            }

            var answer = await health.CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(5));

            Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, answer.Status);
        }
        finally
        {
            await held.CancelAsync();
            watches.ForEach(watch => watch.Dispose());
        }
    }
}

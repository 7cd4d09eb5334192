using CapacityBuilding.Tests.DaprStandIn;
using CapacityBuilding.Tests.DaprStandIn.Resiliency;
using CapacityBuilding.Tests.Infrastructure;
using Grpc.Core;

namespace CapacityBuilding.Tests.Invocation;

/// <summary>
/// daprd proxies messages of at most 4 MiB each way unless the pod raises
/// <c>dapr.io/max-body-size</c> (dapr/dapr v1.16.19 cmd/daprd/options/options.go,
/// pkg/api/grpc/proxy/handler.go); grpc-go refuses a larger one with RESOURCE_EXHAUSTED. A
/// message of exactly the limit passes. The k8s/ Deployments keep the default: no call between
/// our apps needs more (docs/dapr.md, "Message size").
/// </summary>
[Collection(SuiteDefinition.Name)]
public sealed class DaprMessageLimitTests(SuiteFixture suite)
{
    private const int Limit = 4 * 1024 * 1024;

    [Fact]
    public async Task A_reply_of_exactly_4_MiB_passes_and_one_byte_more_is_resource_exhausted()
    {
        await using var scripted = await ScriptedApp.StartAsync();
        await using var sidecar = await scripted.StartCallersSidecarAsync(suite.AppApiToken, DaprResiliency.None);
        using var channel = ScriptedApp.ChannelTo(sidecar.Address);

        scripted.Answer = () => new ScriptedAnswer(StatusCode.OK, ReplySize: Limit);
        Assert.Equal(Limit, (await ScriptedApp.CallAsync(channel, ScriptedApp.AppId)).Length);

        scripted.Answer = () => new ScriptedAnswer(StatusCode.OK, ReplySize: Limit + 1);
        var refused = await RichErrors.FailsWith(StatusCode.ResourceExhausted, () => ScriptedApp.CallAsync(channel, ScriptedApp.AppId));
        Assert.Equal($"grpc: received message larger than max ({Limit + 1} vs. {Limit})", refused.Status.Detail);
    }

    [Fact]
    public async Task A_request_over_4_MiB_is_resource_exhausted_and_reaches_nothing()
    {
        await using var scripted = await ScriptedApp.StartAsync();
        await using var sidecar = await scripted.StartCallersSidecarAsync(suite.AppApiToken, DaprResiliency.None);
        using var channel = ScriptedApp.ChannelTo(sidecar.Address);

        await ScriptedApp.CallAsync(channel, ScriptedApp.AppId, new byte[Limit]);
        var refused = await RichErrors.FailsWith(StatusCode.ResourceExhausted, () => ScriptedApp.CallAsync(channel, ScriptedApp.AppId, new byte[Limit + 1]));

        Assert.Equal($"grpc: received message larger than max ({Limit + 1} vs. {Limit})", refused.Status.Detail);
        Assert.Single(scripted.Received);
    }
}

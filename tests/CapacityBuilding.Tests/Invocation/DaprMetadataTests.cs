using System.Diagnostics;
using CapacityBuilding.ServiceDefaults.Telemetry;
using CapacityBuilding.Tests.DaprStandIn;
using CapacityBuilding.Tests.DaprStandIn.Resiliency;
using CapacityBuilding.Tests.Infrastructure;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;

namespace CapacityBuilding.Tests.Invocation;

/// <summary>
/// What a callee receives through the sidecars, as daprd v1.16.19 builds it
/// (pkg/messaging/grpc_proxy.go, pkg/diagnostics/grpc_tracing.go, pkg/api/grpc/proxy/handler.go,
/// pkg/api/grpc/manager/manager.go): the sidecars APPEND their <c>traceparent</c>,
/// <c>grpc-trace-bin</c>, <c>dapr-caller-app-id</c> and <c>dapr-callee-app-id</c> after whatever
/// the app sent, drop <c>dapr-app-id</c>, and replace <c>dapr-api-token</c> with the callee's app token.
/// </summary>
[Collection(SuiteDefinition.Name)]
public sealed class DaprMetadataTests(SuiteFixture suite)
{
    private const string CallerTraceparent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

    [Fact]
    public async Task A_callee_receives_the_apps_metadata_first_and_the_sidecars_appended()
    {
        await using var scripted = await ScriptedApp.StartAsync();
        await using var sidecar = await scripted.StartCallersSidecarAsync(suite.AppApiToken, DaprResiliency.None);
        using var channel = ScriptedApp.ChannelTo(sidecar.Address);

        await ScriptedApp.CallAsync(channel, ScriptedApp.AppId, metadata: new Metadata
        {
            { "traceparent", CallerTraceparent },
            { "dapr-caller-app-id", "gateway" },
            { "dapr-api-token", "the-callers-own-token" },
            { "x-request-note", "passes unchanged" },
        });

        var received = Assert.Single(scripted.Received);
        var traceparents = ScriptedApp.Values(received, "traceparent");
        Assert.Equal(2, traceparents.Length);
        Assert.Equal(CallerTraceparent, traceparents[0]);
        Assert.True(ActivityContext.TryParse(traceparents[1], null, out var sidecarSpan));
        Assert.Equal("0af7651916cd43dd8448eb211c80319c", sidecarSpan.TraceId.ToHexString());
        Assert.Single(ScriptedApp.Values(received, "grpc-trace-bin"));
        Assert.Equal(["gateway", ScriptedApp.CallerAppId], ScriptedApp.Values(received, "dapr-caller-app-id"));
        Assert.Equal(["scripted"], ScriptedApp.Values(received, "dapr-callee-app-id"));
        Assert.Equal([suite.AppApiToken], ScriptedApp.Values(received, "dapr-api-token"));
        Assert.False(received.ContainsKey("dapr-app-id"));
        Assert.Equal(["passes unchanged"], ScriptedApp.Values(received, "x-request-note"));
    }

    /// <summary>
    /// ASP.NET Core reads two <c>traceparent</c> values as one invalid one and starts a new trace,
    /// cut from the caller's; the services read the last (<see cref="LastTraceparentPropagator"/>,
    /// registered by their telemetry defaults) and continue the caller's trace under the sidecar's span.
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task With_the_services_trace_context_a_call_through_the_sidecar_stays_in_the_callers_trace(bool servicesTraceContext)
    {
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
        };
        ActivitySource.AddActivityListener(listener);
        await using var scripted = await ScriptedApp.StartAsync(services =>
        {
            if (servicesTraceContext)
            {
                services.AddSidecarTraceContext();
            }
        });
        await using var sidecar = await scripted.StartCallersSidecarAsync(suite.AppApiToken, DaprResiliency.None);
        using var channel = ScriptedApp.ChannelTo(sidecar.Address);

        await ScriptedApp.CallAsync(channel, ScriptedApp.AppId, metadata: new Metadata { { "traceparent", CallerTraceparent } });

        var parent = Assert.Single(scripted.Parents);
        var sidecarSpan = ActivityContext.Parse(ScriptedApp.Values(Assert.Single(scripted.Received), "traceparent")[1], null);
        Assert.Equal(servicesTraceContext, parent.TraceId.ToHexString() == "0af7651916cd43dd8448eb211c80319c" && parent.SpanId == sidecarSpan.SpanId);
    }
}

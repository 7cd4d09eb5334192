using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Hosting;

namespace CapacityBuilding.Tests.Kubernetes;

/// <summary>
/// The container the Dapr injector adds to every Dapr app's pod, as the pod's annotations shape it
/// (dapr/dapr v1.15.0, pkg/injector/patcher/sidecar.go and sidecar_container.go): its resources,
/// which the autoscalers need, and its part in a pod's shutdown (daprd's runtime in
/// pkg/runtime/runtime.go, Run: block-shutdown-duration, then graceful-shutdown-seconds).
/// </summary>
public sealed class DaprSidecarTests
{
    private const string CpuRequest = "dapr.io/sidecar-cpu-request";
    private const string CpuLimit = "dapr.io/sidecar-cpu-limit";
    private const string MemoryRequest = "dapr.io/sidecar-memory-request";
    private const string MemoryLimit = "dapr.io/sidecar-memory-limit";
    private const string SidecarEnv = "dapr.io/env";
    private const string BlockShutdown = "dapr.io/block-shutdown-duration";
    private const string GracefulShutdownSeconds = "dapr.io/graceful-shutdown-seconds";

    /// <summary>What Kubernetes gives a pod that does not say (PodSpec.terminationGracePeriodSeconds).</summary>
    private static readonly TimeSpan KubernetesDefaultGracePeriod = TimeSpan.FromSeconds(30);

    public static TheoryData<string> Overlays => CodeUnderTest.Overlays;

    /// <summary>
    /// A Resource metric's utilisation is the pod's usage over the sum of its containers'
    /// requests, and the autoscaler computes none while any container, daprd included, has no
    /// request; the injector gives daprd none unless the annotations do. A ContainerResource
    /// metric needs a request only on the container it names.
    /// </summary>
    [Theory]
    [MemberData(nameof(Overlays))]
    public void Every_autoscaler_metric_has_a_request_in_every_container_it_divides_by(string overlay)
    {
        var manifests = Manifests.Overlay(overlay);
        var autoscalers = manifests.OfKind("HorizontalPodAutoscaler").ToList();
        Assert.NotEmpty(autoscalers);
        foreach (var autoscaler in autoscalers)
        {
            var deployment = manifests.Get("Deployment", autoscaler["spec"]!["scaleTargetRef"]!["name"]!.GetValue<string>());
            var metrics = autoscaler["spec"]!["metrics"]!.AsArray();
            Assert.NotEmpty(metrics);
            foreach (var metric in metrics)
            {
                var type = metric!["type"]!.GetValue<string>();
                var source = metric[type == "Resource" ? "resource" : "containerResource"]!;
                var resource = source["name"]!.GetValue<string>();
                var containers = Manifests.ContainersOf(deployment).Where(container => type == "Resource" || container["name"]!.GetValue<string>() == source["container"]?.GetValue<string>()).ToList();
                Assert.True(type is "Resource" or "ContainerResource", $"{Manifests.NameOf(autoscaler)}: a {type} metric, which needs no request, is not expected here.");
                Assert.NotEmpty(containers);
                Assert.All(containers, container => Assert.True(Quantity.Parse(container["resources"]?["requests"]?[resource]?.GetValue<string>() ?? "0") > 0, $"{Manifests.NameOf(deployment)}/{container["name"]}: no {resource} request."));

                if (type == "Resource" && Manifests.PodAnnotation(deployment, Manifests.DaprEnabled) == "true")
                {
                    var request = Manifests.PodAnnotation(deployment, resource == "cpu" ? CpuRequest : MemoryRequest);
                    Assert.True(request is not null && Quantity.Parse(request) > 0, $"{Manifests.NameOf(deployment)}: its daprd has no {resource} request, so {Manifests.NameOf(autoscaler)} computes no utilisation.");
                }
            }
        }
    }

    /// <summary>
    /// Every sidecar has requests within its limits, and Go's soft memory limit (GOMEMLIMIT,
    /// as Dapr's production guidelines advise) below the container's hard one, so Go collects
    /// before the kernel kills.
    /// </summary>
    [Theory]
    [MemberData(nameof(Overlays))]
    public void Every_sidecar_has_requests_within_limits_and_collects_before_its_memory_limit(string overlay)
    {
        foreach (var (appId, deployment) in Manifests.Overlay(overlay).DaprApps)
        {
            double Annotation(string key) => Quantity.Parse(Manifests.PodAnnotation(deployment, key) ?? throw new Xunit.Sdk.XunitException($"{appId}: no {key}."));

            Assert.InRange(Annotation(CpuRequest), 0.001, Annotation(CpuLimit));
            Assert.InRange(Annotation(MemoryRequest), 1, Annotation(MemoryLimit));

            var goMemoryLimit = SidecarEnvironment(deployment).GetValueOrDefault("GOMEMLIMIT") ?? throw new Xunit.Sdk.XunitException($"{appId}: no GOMEMLIMIT in {SidecarEnv}.");
            Assert.InRange(Quantity.ParseGoBytes(goMemoryLimit), Annotation(MemoryRequest), Annotation(MemoryLimit) * 0.95);
        }
    }

    /// <summary>
    /// When a pod stops, Kubernetes takes it out of its Service and DNS while it sends SIGTERM to
    /// both containers. The app sleeps in preStop so calls routed before that still land, then its
    /// host drains the calls in flight for up to its shutdown timeout; the kubelet's grace period
    /// covers both. daprd (pkg/runtime/runtime.go, Run) keeps serving for block-shutdown-duration,
    /// then stops taking calls and gives those it carries graceful-shutdown-seconds.
    /// An app that other apps call through Dapr has its sidecar stop taking calls when the app does:
    /// earlier, calls routed to it fail; later, calls it would deliver find the app gone (its
    /// callers' pooled connections keep sending until daprd says GOAWAY). The grace for daprd's own
    /// calls covers the longest Resiliency timeout, the most a caller's sidecar waits. An app that
    /// no app calls through Dapr keeps its sidecar for the whole drain, so its own calls still go out.
    /// </summary>
    [Theory]
    [MemberData(nameof(Overlays))]
    public void Calls_in_flight_when_a_pod_stops_are_finished_by_the_app_and_its_sidecar(string overlay)
    {
        var manifests = Manifests.Overlay(overlay);
        var calledThroughDapr = CodeUnderTest.Calls.Select(call => call.CalleeAppId).ToHashSet(StringComparer.Ordinal);
        var longestCallTimeout = manifests.OfKind("Resiliency")
            .SelectMany(resiliency => resiliency["spec"]?["policies"]?["timeouts"]?.AsObject() ?? [])
            .Select(timeout => GoDuration.Parse(timeout.Value!.GetValue<string>()))
            .Max();

        foreach (var (appId, deployment) in manifests.DaprApps)
        {
            var container = Manifests.ContainersOf(deployment).Single();
            var preStop = Seconds(container["lifecycle"]?["preStop"]?["sleep"]?["seconds"]) ?? TimeSpan.Zero;
            Assert.True(preStop > TimeSpan.Zero, $"{appId}: no preStop sleep; calls routed to the pod just before it stops would find it closed.");

            var drain = HostShutdownTimeout(appId, container);
            var gracePeriod = Seconds(Manifests.PodSpecOf(deployment)["terminationGracePeriodSeconds"]) ?? KubernetesDefaultGracePeriod;
            Assert.True(gracePeriod >= preStop + drain, $"{appId}: a grace period of {gracePeriod} cuts the host's {drain} drain after the {preStop} preStop sleep.");

            var block = GoDuration.Parse(Manifests.PodAnnotation(deployment, BlockShutdown) ?? throw new Xunit.Sdk.XunitException($"{appId}: no {BlockShutdown}."));
            if (calledThroughDapr.Contains(appId))
            {
                Assert.True(block == preStop, $"{appId}: its sidecar stops taking calls after {block}, the app after {preStop}.");
            }
            else
            {
                Assert.True(block >= preStop + drain, $"{appId}: its sidecar leaves after {block}, before the app's drain ends ({preStop} + {drain}).");
            }

            var sidecarGrace = Seconds(JsonValue.Create(Manifests.PodAnnotation(deployment, GracefulShutdownSeconds))) ?? throw new Xunit.Sdk.XunitException($"{appId}: no {GracefulShutdownSeconds}.");
            Assert.True(sidecarGrace >= longestCallTimeout, $"{appId}: its sidecar gives the calls it carries {sidecarGrace}, less than a caller's {longestCallTimeout} timeout.");
            Assert.True(gracePeriod >= block + sidecarGrace, $"{appId}: a grace period of {gracePeriod} kills daprd during its {block} + {sidecarGrace} shutdown.");
        }
    }

    /// <summary>
    /// How long the app's host waits for calls in flight once stopped: HostOptions.ShutdownTimeout,
    /// which the host reads from <c>shutdownTimeoutSeconds</c> (appsettings or environment) when
    /// set, else its default (30 s).
    /// </summary>
    private static TimeSpan HostShutdownTimeout(string appId, JsonNode container)
    {
        var project = appId switch
        {
            CodeUnderTest.GatewayAppId => CodeUnderTest.GatewayFolder,
            CodeUnderTest.PortalAppId => CodeUnderTest.PortalFolder,
            _ => CodeUnderTest.Services[appId],
        };
        var configured = Manifests.EnvValue(container, "DOTNET_shutdownTimeoutSeconds")
            ?? Manifests.EnvValue(container, "shutdownTimeoutSeconds")
            ?? AppSettings.Of(project)["shutdownTimeoutSeconds"]?.ToString();
        return configured is null ? new HostOptions().ShutdownTimeout : TimeSpan.FromSeconds(int.Parse(configured, CultureInfo.InvariantCulture));
    }

    private static TimeSpan? Seconds(JsonNode? node) =>
        node?.GetValue<string>() is { } text ? TimeSpan.FromSeconds(int.Parse(text, CultureInfo.InvariantCulture)) : null;

    /// <summary>The variables of dapr.io/env, "NAME=value,NAME=value" as the injector splits them.</summary>
    private static Dictionary<string, string> SidecarEnvironment(JsonNode deployment) =>
        (Manifests.PodAnnotation(deployment, SidecarEnv) ?? "")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(variable => variable.Split('=', 2))
            .ToDictionary(parts => parts[0], parts => parts[1], StringComparer.Ordinal);
}

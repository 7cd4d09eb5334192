using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using CapacityBuilding.Tests.Kubernetes;

namespace CapacityBuilding.Tests.DaprStandIn.Resiliency;

/// <summary>
/// The Resiliency resources a caller's sidecar loads, applied as daprd applies them to gRPC
/// proxying. Followed from dapr/dapr v1.16.19 (commit 035274a88581a52198d6cce9649e436e1c10b00a):
/// <c>pkg/resiliency/resiliency.go</c> (<c>LoadKubernetesResiliency</c>: only resources whose
/// <c>scopes</c> list the caller, or that have none; <c>FromConfigurations</c>;
/// <c>EndpointPolicy</c>: the caller's policy for <c>targets.apps.&lt;callee&gt;</c>, with one circuit
/// breaker per callee and method, <c>"&lt;app&gt;:&lt;method&gt;"</c>), <c>pkg/messaging/grpc_proxy.go</c>
/// (the policy applies on the caller's side only) and <c>pkg/resiliency/policy.go</c> for how a
/// call runs (<see cref="EndpointPolicy"/>).
/// </summary>
internal sealed class DaprResiliency
{
    private readonly Dictionary<string, TimeSpan> timeouts = [];
    private readonly Dictionary<string, RetryPolicy> retries = [];
    private readonly Dictionary<string, JsonNode> circuitBreakers = [];
    private readonly Dictionary<string, (string? Timeout, string? Retry, string? CircuitBreaker)> apps = [];
    private readonly ConcurrentDictionary<string, CircuitBreaker> breakers = new();
    private readonly TimeProvider clock;

    private DaprResiliency(TimeProvider clock) => this.clock = clock;

    /// <summary>No Resiliency: daprd's no-op policy, every call tried once with only the caller's deadline.</summary>
    public static DaprResiliency None { get; } = new(TimeProvider.System);

    /// <summary>The Resiliency resources of k8s/base that apply to <paramref name="callerAppId"/>'s sidecar.</summary>
    public static DaprResiliency FromK8s(string callerAppId) => From(Manifests.Base.OfKind("Resiliency"), callerAppId);

    public static DaprResiliency From(IEnumerable<JsonNode> resources, string callerAppId, TimeProvider? clock = null)
    {
        var resiliency = new DaprResiliency(clock ?? TimeProvider.System);
        foreach (var resource in resources.Where(resource => AppliesTo(resource, callerAppId)))
        {
            resiliency.Decode(resource["spec"]!);
        }

        return resiliency;
    }

    /// <summary>daprd's <c>EndpointPolicy(app, app + ":" + method)</c>.</summary>
    public EndpointPolicy EndpointPolicy(string calleeAppId, string method)
    {
        if (!apps.TryGetValue(calleeAppId, out var names))
        {
            return new EndpointPolicy(null, null, null);
        }

        var endpoint = $"{calleeAppId}:{method}";
        var breaker = names.CircuitBreaker is { } breakerName && circuitBreakers.TryGetValue(breakerName, out var template)
            ? breakers.GetOrAdd(endpoint, _ => NewBreaker(endpoint, template))
            : null;
        return new EndpointPolicy(
            names.Timeout is { } timeout && timeouts.TryGetValue(timeout, out var duration) ? duration : null,
            names.Retry is { } retry ? retries.GetValueOrDefault(retry) : null,
            breaker);
    }

    private static bool AppliesTo(JsonNode resource, string callerAppId) =>
        resource["scopes"]?.AsArray() is not { Count: > 0 } scopes || scopes.Any(scope => scope!.GetValue<string>() == callerAppId);

    private void Decode(JsonNode spec)
    {
        var policies = spec["policies"];
        foreach (var (name, value) in policies?["timeouts"]?.AsObject() ?? [])
        {
            timeouts[name] = GoDuration.Parse(value!.GetValue<string>());
        }

        foreach (var (name, value) in policies?["retries"]?.AsObject() ?? [])
        {
            retries[name] = RetryPolicy.Parse(name, value!);
        }

        foreach (var (name, value) in policies?["circuitBreakers"]?.AsObject() ?? [])
        {
            circuitBreakers[name] = value!;
        }

        foreach (var (app, target) in spec["targets"]?["apps"]?.AsObject() ?? [])
        {
            apps[app] = (target?["timeout"]?.GetValue<string>(), target?["retry"]?.GetValue<string>(), target?["circuitBreaker"]?.GetValue<string>());
        }
    }

    private CircuitBreaker NewBreaker(string endpoint, JsonNode template) => new(
        endpoint,
        template["maxRequests"]?.GetValue<string>() is { } maxRequests ? uint.Parse(maxRequests, System.Globalization.CultureInfo.InvariantCulture) : 0,
        template["interval"]?.GetValue<string>() is { } interval ? GoDuration.Parse(interval) : TimeSpan.Zero,
        template["timeout"]?.GetValue<string>() is { } timeout ? GoDuration.Parse(timeout) : TimeSpan.Zero,
        TripCondition.Parse(template["trip"]?.GetValue<string>()),
        clock);
}

using System.Text.Json.Nodes;
using CapacityBuilding.Tests.Kubernetes;

namespace CapacityBuilding.Tests.DaprStandIn;

/// <summary>
/// Dapr's service-invocation access control (dapr/dapr pkg/acl), read from the same k8s/
/// manifests that a cluster runs: the callee's sidecar looks up its own Configuration
/// (<c>dapr.io/config</c> of the callee's Deployment) and its <c>spec.accessControl</c>. A policy
/// for the caller's app-id, namespace and trust domain decides by its operations (the full gRPC
/// method; a trailing <c>*</c> matches any rest), else by its own <c>defaultAction</c>; without a
/// policy for the caller, the global <c>defaultAction</c> decides. A callee without access
/// control allows everything, as in Dapr; an app-id the manifests do not know is refused.
/// </summary>
public sealed class DaprAccessControl
{
    private const string DefaultTrustDomain = "public";

    private readonly IReadOnlyDictionary<string, JsonObject?> accessControlByAppId;
    private readonly string ns;

    private DaprAccessControl(IReadOnlyDictionary<string, JsonObject?> accessControlByAppId, string ns)
    {
        this.accessControlByAppId = accessControlByAppId;
        this.ns = ns;
    }

    /// <summary>The policies of k8s/base, which every overlay deploys unchanged.</summary>
    public static DaprAccessControl FromK8s() => From(Manifests.Base);

    internal static DaprAccessControl From(Manifests manifests) => new(
        manifests.DaprApps.Keys.ToDictionary(appId => appId, appId => manifests.DaprConfigurationOf(appId)?["spec"]?["accessControl"]?.AsObject()),
        manifests.Namespace);

    /// <summary>Whether the sidecar of <paramref name="calleeAppId"/> lets <paramref name="callerAppId"/> (in the suite's namespace) call <paramref name="method"/>.</summary>
    public bool Allows(string callerAppId, string calleeAppId, string method)
    {
        if (!accessControlByAppId.TryGetValue(calleeAppId, out var accessControl))
        {
            return false;
        }

        if (accessControl is null)
        {
            return true;
        }

        var globalAllows = IsAllow(accessControl["defaultAction"]) ?? true;
        var globalTrustDomain = accessControl["trustDomain"]?.GetValue<string>() ?? DefaultTrustDomain;
        var policy = accessControl["policies"]?.AsArray().Select(item => item!.AsObject()).FirstOrDefault(candidate =>
            candidate["appId"]?.GetValue<string>() == callerAppId
            && (candidate["namespace"]?.GetValue<string>() ?? "default") == ns
            && (candidate["trustDomain"]?.GetValue<string>() ?? globalTrustDomain) == DefaultTrustDomain);
        if (policy is null)
        {
            return globalAllows;
        }

        var operation = policy["operations"]?.AsArray().Select(item => item!.AsObject())
            .FirstOrDefault(candidate => OperationMatches(candidate["name"]!.GetValue<string>(), method));
        return IsAllow(operation?["action"]) ?? IsAllow(policy["defaultAction"]) ?? globalAllows;
    }

    private static bool OperationMatches(string pattern, string method) =>
        pattern.EndsWith('*') ? method.StartsWith(pattern[..^1], StringComparison.Ordinal) : pattern == method;

    private static bool? IsAllow(JsonNode? action) => action?.GetValue<string>().ToUpperInvariant() switch
    {
        null => null,
        "ALLOW" => true,
        "DENY" => false,
        var other => throw new InvalidDataException($"Unknown access control action '{other}'."),
    };
}

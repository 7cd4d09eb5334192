using System.Text.Json.Nodes;
using CapacityBuilding.Tests.Kubernetes;

namespace CapacityBuilding.Tests.DaprStandIn;

/// <summary>
/// Dapr's service-invocation access control, loaded and matched as daprd does, from the same k8s/
/// manifests a cluster runs. Followed from dapr/dapr v1.16.19 (commit
/// 035274a88581a52198d6cce9649e436e1c10b00a):
/// <list type="bullet">
/// <item><c>pkg/acl/acl.go</c> <c>ParseAccessControlSpec</c>: the callee's sidecar parses the
/// <c>spec.accessControl</c> of its own Configuration (<c>dapr.io/config</c>) when it starts; a
/// policy without <c>appId</c>, <c>namespace</c> or <c>trustDomain</c> stops it from starting (here
/// <see cref="From"/> throws). Without a global <c>defaultAction</c>, it is deny unless the
/// policies are an empty list. Operation names get a leading <c>/</c>, and are lower-cased when
/// the app protocol is HTTP (<c>pkg/runtime/config.go</c>: <c>appConnectionConfig.Protocol.IsHTTP()</c>,
/// where Dapr's default protocol is http).</item>
/// <item><c>pkg/acl/acl.go</c> <c>isOperationAllowedByAccessControlPolicy</c>: the caller is its
/// SPIFFE id (trust domain, namespace, app-id); the policy for that app-id and namespace applies
/// only when its trust domain matches; its operations are searched in Dapr's path trie
/// (<see cref="AccessControlTrie"/>, <c>pkg/config/acl_trie.go</c>) with the gRPC method as is:
/// the gRPC proxy passes <c>isHTTP=false</c> (<c>pkg/messaging/grpc_proxy.go</c>), so the method is
/// never lower-cased and an app whose names were lower-cased matches no gRPC call.</item>
/// <item><c>pkg/sentry/server/validator/kubernetes/kubernetes.go</c>: the trust domain in the
/// caller's certificate is <c>spec.accessControl.trustDomain</c> of the caller's own Configuration,
/// <c>public</c> without one.</item>
/// </list>
/// mTLS is assumed on (the manifest tests hold it); without it daprd applies only the global
/// <c>defaultAction</c>. An app-id the manifests do not know is refused.
/// </summary>
public sealed class DaprAccessControl
{
    private const string DefaultTrustDomain = "public";
    private const string DefaultAppProtocol = "http";
    private static readonly string[] HttpProtocols = ["http", "https", "h2c"];

    private readonly IReadOnlyDictionary<string, CalleeAccessControl?> calleeByAppId;
    private readonly IReadOnlyDictionary<string, string> trustDomainByAppId;
    private readonly string ns;

    private DaprAccessControl(IReadOnlyDictionary<string, CalleeAccessControl?> calleeByAppId, IReadOnlyDictionary<string, string> trustDomainByAppId, string ns)
    {
        this.calleeByAppId = calleeByAppId;
        this.trustDomainByAppId = trustDomainByAppId;
        this.ns = ns;
    }

    /// <summary>The policies of k8s/base, which every overlay deploys unchanged.</summary>
    public static DaprAccessControl FromK8s() => From(Manifests.Base);

    internal static DaprAccessControl From(Manifests manifests) => Of(manifests.Namespace, manifests.DaprApps.Select(app => new DaprAppDefinition(
        app.Key,
        Manifests.PodAnnotation(app.Value, Manifests.DaprAppProtocol),
        manifests.DaprConfigurationOf(app.Key)?["spec"])));

    /// <summary>Apps in namespace <paramref name="ns"/>, each with its app protocol and the spec of its Configuration.</summary>
    /// <exception cref="InvalidDataException">A callee's access control would stop its daprd from starting.</exception>
    public static DaprAccessControl Of(string ns, IEnumerable<DaprAppDefinition> apps)
    {
        var list = apps.ToList();
        return new(
            list.ToDictionary(app => app.AppId, app => CalleeAccessControl.Parse(app.ConfigurationSpec?["accessControl"]?.AsObject(), HttpProtocols.Contains(app.AppProtocol ?? DefaultAppProtocol))),
            list.ToDictionary(app => app.AppId, app => app.ConfigurationSpec?["accessControl"]?["trustDomain"]?.GetValue<string>() is { Length: > 0 } domain ? domain : DefaultTrustDomain),
            ns);
    }

    /// <summary>Whether the sidecar of <paramref name="calleeAppId"/> lets <paramref name="callerAppId"/> (in the suite's namespace) call <paramref name="method"/> over gRPC.</summary>
    public bool Allows(string callerAppId, string calleeAppId, string method)
    {
        if (!calleeByAppId.TryGetValue(calleeAppId, out var callee) || !trustDomainByAppId.TryGetValue(callerAppId, out var callerTrustDomain))
        {
            return false;
        }

        return callee?.Allows(new SpiffeId(callerTrustDomain, ns, callerAppId), method) ?? true;
    }

    /// <summary>The caller's SPIFFE id, as daprd names it when it refuses a call.</summary>
    public string SpiffeIdOf(string callerAppId) =>
        $"spiffe://{trustDomainByAppId.GetValueOrDefault(callerAppId, DefaultTrustDomain)}/ns/{ns}/{callerAppId}";

    private sealed record SpiffeId(string TrustDomain, string Namespace, string AppId);

    private sealed record AppPolicy(string? DefaultAction, string TrustDomain, string Namespace, AccessControlTrie Operations);

    /// <summary>One callee's parsed <c>spec.accessControl</c>.</summary>
    private sealed class CalleeAccessControl(string defaultAction, IReadOnlyDictionary<(string AppId, string Namespace), AppPolicy> policies)
    {
        /// <summary>daprd's <c>ParseAccessControlSpec</c>; null when no access control is specified (everything allowed).</summary>
        public static CalleeAccessControl? Parse(JsonObject? spec, bool isHttp)
        {
            var trustDomain = spec?["trustDomain"]?.GetValue<string>();
            var defaultAction = spec?["defaultAction"]?.GetValue<string>();
            var policyList = spec?["policies"]?.AsArray();
            if (spec is null || (string.IsNullOrEmpty(trustDomain) && string.IsNullOrEmpty(defaultAction) && (policyList is null || policyList.Count == 0)))
            {
                return null;
            }

            var missingTrustDomain = new List<string>();
            var missingNamespace = new List<string>();
            var missingAppName = false;
            var policies = new Dictionary<(string, string), AppPolicy>();
            foreach (var policy in policyList ?? [])
            {
                var appId = policy!["appId"]?.GetValue<string>() ?? "";
                var policyTrustDomain = policy["trustDomain"]?.GetValue<string>() ?? "";
                var policyNamespace = policy["namespace"]?.GetValue<string>() ?? "";
                missingAppName |= appId.Length == 0;
                if (policyTrustDomain.Length == 0)
                {
                    missingTrustDomain.Add(appId);
                }

                if (policyNamespace.Length == 0)
                {
                    missingNamespace.Add(appId);
                }

                if (policyTrustDomain.Length == 0 || policyNamespace.Length == 0 || missingAppName)
                {
                    continue;
                }

                var operations = new AccessControlTrie();
                foreach (var operation in policy["operations"]?.AsArray() ?? [])
                {
                    var name = operation!["name"]!.GetValue<string>();
                    name = name.StartsWith('/') ? name : "/" + name;
                    operations.Put(isHttp ? name.ToLowerInvariant() : name, operation["action"]?.GetValue<string>() ?? "");
                }

                policies[(appId, policyNamespace)] = new AppPolicy(policy["defaultAction"]?.GetValue<string>(), policyTrustDomain, policyNamespace, operations);
            }

            if (missingTrustDomain.Count > 0 || missingNamespace.Count > 0 || missingAppName)
            {
                throw new InvalidDataException(
                    $"invalid access control spec. missing trustdomain for apps: [{string.Join(' ', missingTrustDomain)}], "
                    + $"missing namespace for apps: [{string.Join(' ', missingNamespace)}], "
                    + $"missing app name on at least one of the app policies: {(missingAppName ? "true" : "false")}");
            }

            var globalAction = !string.IsNullOrEmpty(defaultAction)
                ? defaultAction.ToLowerInvariant()
                : policyList is null || policyList.Count > 0 ? "deny" : "allow";
            return new CalleeAccessControl(globalAction, policies);
        }

        /// <summary>daprd's <c>isOperationAllowedByAccessControlPolicy</c> for a gRPC call (<c>isHTTP=false</c>).</summary>
        public bool Allows(SpiffeId caller, string method)
        {
            var action = defaultAction;
            if (policies.TryGetValue((caller.AppId, caller.Namespace), out var policy)
                && policy.TrustDomain == caller.TrustDomain
                && policy.Namespace == caller.Namespace)
            {
                if (!string.IsNullOrEmpty(policy.DefaultAction))
                {
                    action = policy.DefaultAction;
                }

                var operation = method.StartsWith('/') ? method : "/" + method;
                action = policy.Operations.Search(operation) ?? action;
            }

            return string.Equals(action, "allow", StringComparison.OrdinalIgnoreCase);
        }
    }
}

/// <summary>An app as its sidecar knows it: its app-id, <c>dapr.io/app-protocol</c> (Dapr's default, http, when null) and its Configuration's <c>spec</c>.</summary>
public sealed record DaprAppDefinition(string AppId, string? AppProtocol, JsonNode? ConfigurationSpec);

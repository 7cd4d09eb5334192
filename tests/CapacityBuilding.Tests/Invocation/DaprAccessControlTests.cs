using System.Text.Json.Nodes;
using CapacityBuilding.Tests.DaprStandIn;
using CapacityBuilding.Tests.Kubernetes;

namespace CapacityBuilding.Tests.Invocation;

/// <summary>
/// The stand-in loads and matches access control as daprd does (dapr/dapr v1.16.19
/// pkg/acl/acl.go, pkg/config/acl_trie.go, pkg/sentry/server/validator/kubernetes/kubernetes.go):
/// each case below is one a real daprd, given the same Configurations, decides the same way.
/// The trie cases are daprd's own (pkg/acl/acl_test.go, <c>app4</c>'s policy).
/// </summary>
public sealed class DaprAccessControlTests
{
    private const string Namespace = "capacitybuilding";

    /// <summary>daprd's test policy for its app4, here for the caller "reporting".</summary>
    private const string TriePolicy = """
        accessControl:
          defaultAction: deny
          trustDomain: public
          policies:
            - appId: reporting
              defaultAction: deny
              trustDomain: public
              namespace: capacitybuilding
              operations:
                - name: /op6
                  action: allow
                - name: /op7/a/b/*
                  action: allow
                - name: /op7/a/b/c/f
                  action: allow
                - name: /op7/a/b*
                  action: allow
                - name: /op7/c/**
                  action: allow
                - name: op4
                  action: allow
        """;

    [Theory]
    [InlineData("/op6", true)]
    [InlineData("op6", true)]
    [InlineData("/op4", true)]
    [InlineData("/OP4", false)]
    [InlineData("/op7/a/b/c", true)]
    [InlineData("/op7/a/b/c/d", false)]
    [InlineData("/op7/a/b/c/f", true)]
    [InlineData("/op7/a/bc", true)]
    [InlineData("/op7/c/d/e", true)]
    [InlineData("/op7/d", false)]
    [InlineData("/op8", false)]
    public void Operation_names_are_matched_with_daprs_path_trie(string method, bool allowed)
    {
        var accessControl = Of(("reporting", "grpc", null), ("callee", "grpc", TriePolicy));

        Assert.Equal(allowed, accessControl.Allows("reporting", "callee", method));
    }

    public static TheoryData<string, string> InvalidPolicies => new()
    {
        { "namespace", "missing namespace for apps: [reporting]" },
        { "trustDomain", "missing trustdomain for apps: [reporting]" },
        { "appId", "missing app name on at least one of the app policies: true" },
    };

    /// <summary>daprd refuses to start with a policy that lacks any of these: so does the stand-in, when it loads the policies.</summary>
    [Theory]
    [MemberData(nameof(InvalidPolicies))]
    public void A_policy_without_namespace_trust_domain_or_app_id_stops_the_sidecar(string missing, string message)
    {
        var policy = $"""
            accessControl:
              defaultAction: deny
              trustDomain: public
              policies:
                - appId: reporting
                  trustDomain: public
                  namespace: capacitybuilding
                  operations:
                    - name: /op1
                      action: allow
            """;
        var spec = YamlDocuments.Parse(policy).Single().AsObject();
        spec["accessControl"]!["policies"]![0]!.AsObject().Remove(missing);

        var refused = Assert.Throws<InvalidDataException>(() =>
            DaprAccessControl.Of(Namespace, [new DaprAppDefinition("reporting", "grpc", null), new DaprAppDefinition("callee", "grpc", spec)]));

        Assert.StartsWith("invalid access control spec.", refused.Message, StringComparison.Ordinal);
        Assert.Contains(message, refused.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// A policy applies only to a caller whose certificate has its trust domain, and that comes
    /// from the caller's own Configuration (Sentry reads it there), <c>public</c> without one.
    /// </summary>
    [Theory]
    [InlineData(null, false)]
    [InlineData("public", false)]
    [InlineData("unodc.example", true)]
    public void The_callers_trust_domain_comes_from_the_callers_configuration(string? callerTrustDomain, bool allowed)
    {
        var callee = """
            accessControl:
              defaultAction: deny
              policies:
                - appId: reporting
                  defaultAction: deny
                  trustDomain: unodc.example
                  namespace: capacitybuilding
                  operations:
                    - name: /op1
                      action: allow
            """;
        var caller = callerTrustDomain is null ? null : $"""
            accessControl:
              trustDomain: {callerTrustDomain}
            """;

        var accessControl = Of(("reporting", "grpc", caller), ("callee", "grpc", callee));

        Assert.Equal(allowed, accessControl.Allows("reporting", "callee", "/op1"));
    }

    /// <summary>
    /// With an app protocol other than grpc (Dapr's default is http) daprd lower-cases the
    /// policy's operation names, but the gRPC proxy matches the method as it is: a gRPC method,
    /// with its capitals, then matches nothing and the default action (deny) applies.
    /// </summary>
    [Theory]
    [InlineData("grpc", true)]
    [InlineData("http", false)]
    [InlineData(null, false)]
    public void With_an_app_protocol_other_than_grpc_names_are_lowercased_and_grpc_calls_denied(string? appProtocol, bool allowed)
    {
        var callee = """
            accessControl:
              defaultAction: deny
              trustDomain: public
              policies:
                - appId: reporting
                  defaultAction: deny
                  trustDomain: public
                  namespace: capacitybuilding
                  operations:
                    - name: /capacitybuilding.training.v1.TrainingService/GetCourse
                      action: allow
            """;

        var accessControl = Of(("reporting", "grpc", null), ("callee", appProtocol, callee));

        Assert.Equal(allowed, accessControl.Allows("reporting", "callee", "/capacitybuilding.training.v1.TrainingService/GetCourse"));
    }

    /// <summary>daprd's global defaults: no access control allows all; policies without a global default deny the rest; an empty list allows.</summary>
    [Theory]
    [InlineData("{}", true)]
    [InlineData("""{"accessControl": {"trustDomain": "public", "policies": [{"appId": "other", "trustDomain": "public", "namespace": "capacitybuilding"}]}}""", false)]
    [InlineData("""{"accessControl": {"trustDomain": "public", "policies": []}}""", true)]
    public void Without_a_policy_for_the_caller_the_global_default_decides(string spec, bool allowed)
    {
        var accessControl = DaprAccessControl.Of(Namespace, [new DaprAppDefinition("reporting", "grpc", null), new DaprAppDefinition("callee", "grpc", JsonNode.Parse(spec))]);

        Assert.Equal(allowed, accessControl.Allows("reporting", "callee", "/op1"));
    }

    private static DaprAccessControl Of(params (string AppId, string? AppProtocol, string? ConfigurationSpec)[] apps) =>
        DaprAccessControl.Of(Namespace, apps.Select(app => new DaprAppDefinition(
            app.AppId, app.AppProtocol, app.ConfigurationSpec is null ? null : YamlDocuments.Parse(app.ConfigurationSpec).Single())));
}

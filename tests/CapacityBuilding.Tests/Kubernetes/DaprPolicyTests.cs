using System.Text.Json.Nodes;
using CapacityBuilding.Tests.DaprStandIn;
using Grpc.Core;

namespace CapacityBuilding.Tests.Kubernetes;

/// <summary>
/// The Dapr resources of k8s/ against the calls the code makes (<see cref="ServiceCallScanner"/>):
/// every app called is a Dapr app, access control allows exactly those calls, and the resiliency
/// spec gives each a timeout, no circuit breaker, and retries only idempotent ones. Checked on
/// every overlay, since an overlay could patch any of it.
/// </summary>
public sealed class DaprPolicyTests
{
    public static TheoryData<string> Overlays => CodeUnderTest.Overlays;

    [Fact]
    public void The_scanner_finds_the_call_sites_of_the_code()
    {
        // A guard on the scanner itself: were it to find nothing, every test below would pass.
        Assert.Contains(CodeUnderTest.Calls, call => call is
        {
            CallerAppId: "assistance",
            CalleeAppId: "training",
            Method: "/capacitybuilding.training.v1.TrainingService/BatchGetCourses",
            IsIdempotent: true,
            Source: "CapacityBuilding.Assistance/Clients/CourseCatalog.cs",
        });
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Every_app_the_code_calls_or_calls_from_is_a_dapr_app_and_every_app_called_an_annotated_grpc_one(string overlay)
    {
        var apps = Manifests.Overlay(overlay).DaprApps;
        foreach (var appId in CodeUnderTest.Calls.SelectMany(call => new[] { call.CallerAppId, call.CalleeAppId }).Distinct())
        {
            Assert.True(apps.ContainsKey(appId), $"No Deployment with {Manifests.DaprAppId}: {appId}.");
        }

        // A caller that nobody calls (the portal) needs no app port: its sidecar only sends.
        foreach (var appId in CodeUnderTest.Calls.Select(call => call.CalleeAppId).Distinct())
        {
            Assert.Equal("grpc", Manifests.PodAnnotation(apps[appId], Manifests.DaprAppProtocol));
            Assert.NotNull(Manifests.PodAnnotation(apps[appId], Manifests.DaprAppPort));
        }
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Every_dapr_app_runs_with_a_configuration_that_has_tracing_and_default_deny(string overlay)
    {
        var manifests = Manifests.Overlay(overlay);
        foreach (var appId in manifests.DaprApps.Keys)
        {
            var spec = manifests.DaprConfigurationOf(appId)?["spec"];
            Assert.True(spec is not null, $"{appId}: its {Manifests.DaprConfig} names no Configuration of the rendering.");
            Assert.False(string.IsNullOrEmpty(spec["tracing"]?["otel"]?["endpointAddress"]?.GetValue<string>()), $"{appId}: no OTLP endpoint for traces.");
            Assert.Equal("deny", spec["accessControl"]?["defaultAction"]?.GetValue<string>());
            foreach (var policy in spec["accessControl"]!["policies"]?.AsArray() ?? [])
            {
                Assert.Equal("deny", policy!["defaultAction"]?.GetValue<string>());
                Assert.Equal(manifests.Namespace, policy["namespace"]?.GetValue<string>());
            }
        }
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Every_call_the_code_makes_is_allowed(string overlay)
    {
        var accessControl = DaprAccessControl.From(Manifests.Overlay(overlay));
        var denied = CodeUnderTest.Calls.Where(call => !accessControl.Allows(call.CallerAppId, call.CalleeAppId, call.Method)).ToList();
        Assert.True(denied.Count == 0, "Calls the Dapr access control denies (add them to the callee's Configuration): "
            + string.Join("; ", denied.Select(call => $"{call.CallerAppId} -> {call.CalleeAppId} {call.Method} ({call.Source})")));
    }

    /// <summary>Every app-id pair and every method of every proto service: allowed exactly when the code makes the call.</summary>
    [Theory]
    [MemberData(nameof(Overlays))]
    public void Nothing_the_code_does_not_call_is_allowed(string overlay)
    {
        var manifests = Manifests.Overlay(overlay);
        var accessControl = DaprAccessControl.From(manifests);
        var calls = CodeUnderTest.Calls.Select(call => (call.CallerAppId, call.CalleeAppId, call.Method)).ToHashSet();
        var methods = ServiceCallScanner.ProtoServices.SelectMany(service => service.Methods.Select(method => $"/{service.FullName}/{method.Name}")).ToList();

        var allowedButNotCalled =
            from caller in manifests.DaprApps.Keys
            from callee in manifests.DaprApps.Keys
            from method in methods
            where accessControl.Allows(caller, callee, method) && !calls.Contains((caller, callee, method))
            select $"{caller} -> {callee} {method}";

        Assert.Empty(allowedButNotCalled);
    }

    /// <summary>
    /// Every call has a timeout, and none goes through a circuit breaker: daprd's breaker counts
    /// every non-OK status (dapr/dapr v1.16.19 pkg/api/grpc/proxy/handler.go wraps each as an
    /// error; gobreaker counts every error), and every app the code calls answers NOT_FOUND or
    /// INVALID_ARGUMENT as an ordinary outcome, so a breaker would shut a method on a run of
    /// users' mistakes (docs/dapr.md). Dapr's default app policies would do the same.
    /// </summary>
    [Theory]
    [MemberData(nameof(Overlays))]
    public void Every_call_has_a_timeout_and_no_circuit_breaker(string overlay)
    {
        var resiliencies = Manifests.Overlay(overlay).OfKind("Resiliency").ToList();
        foreach (var (caller, callee) in CodeUnderTest.Calls.Select(call => (call.CallerAppId, call.CalleeAppId)).Distinct())
        {
            var resiliency = Assert.Single(resiliencies, candidate => ScopesOf(candidate).Contains(caller));
            var policies = resiliency["spec"]!["policies"]!;
            var target = resiliency["spec"]!["targets"]?["apps"]?[callee];
            Assert.True(target is not null, $"Resiliency {Manifests.NameOf(resiliency)} has no target for app {callee}.");
            Assert.NotNull(policies["timeouts"]?[target["timeout"]?.GetValue<string>() ?? "-"]);
            Assert.True(target["circuitBreaker"] is null, $"Resiliency {Manifests.NameOf(resiliency)}: calls from {caller} to {callee} go through a circuit breaker.");
            Assert.Null(policies["circuitBreakers"]?["DefaultAppCircuitBreakerPolicy"]);
        }
    }

    /// <summary>
    /// Dapr retries per target app, not per method: an app is retried by the callers a Resiliency
    /// scopes only when every method they call on it is idempotent, with back-off, a bound, and
    /// only on codes where the call did not run.
    /// </summary>
    [Theory]
    [MemberData(nameof(Overlays))]
    public void Retries_are_only_for_idempotent_calls_with_back_off(string overlay)
    {
        foreach (var resiliency in Manifests.Overlay(overlay).OfKind("Resiliency"))
        {
            AssertRetriesOnlyIdempotentCalls(resiliency);
        }
    }

    private static List<string> ScopesOf(JsonNode resiliency) =>
        resiliency["scopes"]?.AsArray().Select(scope => scope!.GetValue<string>()).ToList() ?? [];

    private static void AssertRetriesOnlyIdempotentCalls(JsonNode resiliency)
    {
        var scopes = ScopesOf(resiliency);
        var targets = resiliency["spec"]!["targets"]?["apps"]?.AsObject() ?? [];
        foreach (var (callee, target) in targets)
        {
            if (target?["retry"]?.GetValue<string>() is not { } retryName)
            {
                continue;
            }

            var notIdempotent = CodeUnderTest.Calls.Where(call => call.CalleeAppId == callee && scopes.Contains(call.CallerAppId) && !call.IsIdempotent).Select(call => call.Method).ToList();
            Assert.True(notIdempotent.Count == 0, $"Calls to {callee} are retried but not idempotent: {string.Join(", ", notIdempotent)}.");

            var retry = resiliency["spec"]!["policies"]!["retries"]![retryName]!;
            Assert.Equal("exponential", retry["policy"]?.GetValue<string>());
            Assert.InRange(int.Parse(retry["maxRetries"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture), 1, 5);
            Assert.All(StatusCodes(retry["matching"]?["gRPCStatusCodes"]), code => Assert.Contains(code, RetryableCodes));
        }
    }

    private static readonly StatusCode[] RetryableCodes = [StatusCode.Unavailable, StatusCode.ResourceExhausted];

    /// <summary>Dapr's "1-4,8,14" form; unset means every code, which the caller then sees retried.</summary>
    private static List<StatusCode> StatusCodes(JsonNode? matching)
    {
        if (matching?.GetValue<string>() is not { Length: > 0 } text)
        {
            return Enum.GetValues<StatusCode>().Where(code => code != StatusCode.OK).ToList();
        }

        return text.Split(',').SelectMany(part =>
        {
            var bounds = part.Split('-').Select(bound => int.Parse(bound, System.Globalization.CultureInfo.InvariantCulture)).ToList();
            return Enumerable.Range(bounds[0], bounds[^1] - bounds[0] + 1).Select(code => (StatusCode)code);
        }).ToList();
    }
}

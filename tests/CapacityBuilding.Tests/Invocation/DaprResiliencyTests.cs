using System.Diagnostics;
using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.Contracts.Training.V1;
using CapacityBuilding.Tests.DaprStandIn;
using CapacityBuilding.Tests.DaprStandIn.Resiliency;
using CapacityBuilding.Tests.Infrastructure;
using CapacityBuilding.Tests.Kubernetes;
using Grpc.Core;

namespace CapacityBuilding.Tests.Invocation;

/// <summary>
/// The stand-in applies Resiliency as daprd does (dapr/dapr v1.16.19 pkg/resiliency/policy.go,
/// pkg/api/grpc/proxy/handler.go, pkg/resiliency/breaker/circuitbreaker.go over sony/gobreaker
/// v0.5.0): a circuit breaker per callee and method that counts EVERY non-OK status, retries
/// filtered by <c>matching</c>, a timeout per attempt. Each test states what a real daprd would do
/// with the same Resiliency and the same answers from the app. Why k8s/ therefore has no breaker,
/// and the proof that the suite's ordinary NOT_FOUND traffic never trips one: docs/dapr.md.
/// </summary>
[Collection(SuiteDefinition.Name)]
public sealed class DaprResiliencyTests(SuiteFixture suite)
{
    private const string Callee = ScriptedApp.AppId;

    /// <summary>The breaker k8s/ had before: open after six failures in a row, for 15 seconds.</summary>
    private const string WithBreaker = """
        apiVersion: dapr.io/v1alpha1
        kind: Resiliency
        metadata:
          name: with-breaker
        scopes:
          - caller
        spec:
          policies:
            timeouts:
              call: 5s
            circuitBreakers:
              downstream:
                maxRequests: 1
                interval: 30s
                timeout: 15s
                trip: consecutiveFailures > 5
          targets:
            apps:
              scripted:
                timeout: call
                circuitBreaker: downstream
        """;

    /// <summary>What daprd does with a breaker on the target: NOT_FOUND is a failure like any other.</summary>
    [Fact]
    public async Task A_breaker_counts_not_found_and_six_in_a_row_shut_the_method()
    {
        await using var scripted = await ScriptedApp.StartAsync();
        scripted.Answer = () => new ScriptedAnswer(StatusCode.NotFound);
        await using var sidecar = await StartSidecarAsync(scripted, WithBreaker);
        using var channel = ScriptedApp.ChannelTo(sidecar.Address);

        for (var call = 0; call < 6; call++)
        {
            await RichErrors.FailsWith(StatusCode.NotFound, () => ScriptedApp.CallAsync(channel, Callee));
        }

        var refused = await RichErrors.FailsWith(StatusCode.Unknown, () => ScriptedApp.CallAsync(channel, Callee));
        Assert.Equal("circuit breaker is open", refused.Status.Detail);
        Assert.Equal(6, scripted.Received.Count);
    }

    /// <summary>A callee that fails for real (UNAVAILABLE) opens the breaker: calls then fail at once without reaching it.</summary>
    [Fact]
    public async Task Real_failures_open_the_breaker_and_calls_stop_reaching_the_app()
    {
        await using var scripted = await ScriptedApp.StartAsync();
        scripted.Answer = () => new ScriptedAnswer(StatusCode.Unavailable);
        await using var sidecar = await StartSidecarAsync(scripted, WithBreaker);
        using var channel = ScriptedApp.ChannelTo(sidecar.Address);

        for (var call = 0; call < 6; call++)
        {
            await RichErrors.FailsWith(StatusCode.Unavailable, () => ScriptedApp.CallAsync(channel, Callee));
        }

        scripted.Answer = () => new ScriptedAnswer(StatusCode.OK);
        var refused = await RichErrors.FailsWith(StatusCode.Unknown, () => ScriptedApp.CallAsync(channel, Callee));
        Assert.Equal("circuit breaker is open", refused.Status.Detail);
        Assert.Equal(6, scripted.Received.Count);
    }

    /// <summary>A breaker is per method: another method of the same app still goes through.</summary>
    [Fact]
    public void A_breaker_is_per_callee_and_method()
    {
        var resiliency = DaprResiliency.From(YamlDocuments.Parse(WithBreaker), "caller");

        var first = resiliency.EndpointPolicy(Callee, "/test.v1.ScriptedService/Call").Breaker;
        var again = resiliency.EndpointPolicy(Callee, "/test.v1.ScriptedService/Call").Breaker;
        var other = resiliency.EndpointPolicy(Callee, "/test.v1.ScriptedService/Other").Breaker;

        Assert.NotNull(first);
        Assert.Same(first, again);
        Assert.NotSame(first, other);
        Assert.Null(DaprResiliency.From(YamlDocuments.Parse(WithBreaker), "someone-else").EndpointPolicy(Callee, "/test.v1.ScriptedService/Call").Breaker);
    }

    /// <summary>
    /// The retry policy k8s/ ships for funding's calls to assistance retries UNAVAILABLE (its
    /// <c>matching</c>, "14") three times, and gives NOT_FOUND back at once.
    /// </summary>
    [Theory]
    [InlineData(StatusCode.Unavailable, 4)]
    [InlineData(StatusCode.NotFound, 1)]
    [InlineData(StatusCode.Internal, 1)]
    public async Task The_shipped_retry_policy_retries_only_the_codes_it_matches(StatusCode answered, int attempts)
    {
        await using var scripted = await ScriptedApp.StartAsync();
        scripted.Answer = () => new ScriptedAnswer(answered);
        await using var sidecar = await DaprSidecarStandIn.StartAsync("funding", new Dictionary<string, Uri> { ["assistance"] = scripted.Address }, suite.AppApiToken,
            AllowEverything("funding", "assistance"), DaprResiliency.FromK8s("funding"));
        using var channel = ScriptedApp.ChannelTo(sidecar.Address);

        await RichErrors.FailsWith(answered, () => ScriptedApp.CallAsync(channel, "assistance"));

        Assert.Equal(attempts, scripted.Received.Count);
    }

    /// <summary>
    /// The timeout is per attempt, and an attempt that runs out has no status, so a retry policy
    /// tries again even when its <c>matching</c> lists only UNAVAILABLE; the callee sees the
    /// attempt's deadline as its own.
    /// </summary>
    [Fact]
    public async Task Each_attempt_has_its_own_timeout_and_a_timed_out_attempt_is_retried_whatever_matching_says()
    {
        await using var scripted = await ScriptedApp.StartAsync();
        scripted.Answer = () => new ScriptedAnswer(StatusCode.OK, Delay: TimeSpan.FromSeconds(5));
        await using var sidecar = await StartSidecarAsync(scripted, """
            apiVersion: dapr.io/v1alpha1
            kind: Resiliency
            metadata:
              name: short
            spec:
              policies:
                timeouts:
                  short: 300ms
                retries:
                  twice:
                    policy: constant
                    duration: 10ms
                    maxRetries: 2
                    matching:
                      gRPCStatusCodes: "14"
              targets:
                apps:
                  scripted:
                    timeout: short
                    retry: twice
            """);
        using var channel = ScriptedApp.ChannelTo(sidecar.Address);
        var clock = Stopwatch.StartNew();

        var failure = await RichErrors.FailsWith(StatusCode.DeadlineExceeded, () => ScriptedApp.CallAsync(channel, Callee));

        Assert.Equal("context deadline exceeded", failure.Status.Detail);
        Assert.Equal(3, scripted.Received.Count);
        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(900), TimeSpan.FromSeconds(4));
        Assert.All(scripted.Received, headers => Assert.InRange(int.Parse(headers["grpc-timeout"].ToString()[..^1], System.Globalization.CultureInfo.InvariantCulture), 1, 300));
    }

    /// <summary>
    /// The decision in k8s/: no breaker on any target, so the ordinary NOT_FOUND answers of the
    /// suite never shut a method. Assistance in Dapr mode (its sidecar loads k8s/'s Resiliency)
    /// checks unknown courses with training ten times in a row (each a NOT_FOUND from
    /// BatchGetCourses); every one stays the caller's INVALID_ARGUMENT and a good request still goes through.
    /// </summary>
    [Fact]
    public async Task Normal_not_found_traffic_never_trips_a_breaker_with_the_shipped_resiliency()
    {
        var course = (await new TrainingService.TrainingServiceClient(suite.Gateway).CreateCourseAsync(new CreateCourseRequest { Course = SampleData.Course() })).Course;
        var assistance = new AssistanceService.AssistanceServiceClient(suite.DaprModeAssistance);

        for (var attempt = 0; attempt < 10; attempt++)
        {
            var unknown = $"courses/{Guid.NewGuid():N}";
            var failure = await RichErrors.FailsWith(StatusCode.InvalidArgument, () => assistance.CreateAssistanceRequestAsync(new CreateAssistanceRequestRequest
            {
                AssistanceRequest = SampleData.Request(SampleData.UniqueTitle("unknown course"), unknown),
            }).ResponseAsync);
            Assert.Equal(["assistance_request.courses[0]"], failure.ViolatedFields());
        }

        var created = await assistance.CreateAssistanceRequestAsync(new CreateAssistanceRequestRequest
        {
            AssistanceRequest = SampleData.Request(SampleData.UniqueTitle("after ten unknown courses"), course.Name),
        });
        Assert.Equal([course.Name], created.AssistanceRequest.Courses);
    }

    private Task<DaprSidecarStandIn> StartSidecarAsync(ScriptedApp scripted, string resiliencyYaml) =>
        scripted.StartCallersSidecarAsync(suite.AppApiToken, DaprResiliency.From(YamlDocuments.Parse(resiliencyYaml), ScriptedApp.CallerAppId));

    private static DaprAccessControl AllowEverything(params string[] appIds) =>
        DaprAccessControl.Of("capacitybuilding", appIds.Select(appId => new DaprAppDefinition(appId, "grpc", null)));
}

using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.Contracts.Training.V1;
using CapacityBuilding.Testing;
using CapacityBuilding.Tests.DaprStandIn;
using CapacityBuilding.Tests.Infrastructure;
using Grpc.Core;

namespace CapacityBuilding.Tests.Invocation;

/// <summary>
/// Creating an assistance request checks its courses with the training service through the
/// invocation layer. Every case runs in both modes: direct (assistance dials training) and Dapr
/// (assistance dials its sidecar, here the stand-in, and names training in dapr-app-id).
/// </summary>
[Collection(SuiteDefinition.Name)]
public sealed class CrossServiceCheckTests(SuiteFixture suite)
{
    public static TheoryData<string> Modes => ["direct", "dapr"];

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task Existing_courses_are_accepted(string mode)
    {
        var course = await CreateCourseAsync();
        var assistance = AssistanceIn(mode);

        var created = (await assistance.CreateAssistanceRequestAsync(new CreateAssistanceRequestRequest
        {
            AssistanceRequest = SampleData.Request(SampleData.UniqueTitle(mode), course.Name),
        })).AssistanceRequest;

        Assert.Equal([course.Name], created.Courses);
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task Unknown_course_is_an_invalid_argument_naming_its_index_and_nothing_is_stored(string mode)
    {
        var course = await CreateCourseAsync();
        var assistance = AssistanceIn(mode);
        var requestId = Guid.NewGuid().ToString();
        var request = SampleData.Request(SampleData.UniqueTitle("unknown course"), course.Name, "courses/0123456789abcdef0123456789abcdef");

        var failure = await RichErrors.FailsWith(StatusCode.InvalidArgument, () =>
            assistance.CreateAssistanceRequestAsync(new CreateAssistanceRequestRequest { AssistanceRequest = request, RequestId = requestId }).ResponseAsync);

        Assert.Equal(["assistance_request.courses[1]"], failure.ViolatedFields());
        await AssertNothingStoredAsync(request.Title);
        var retried = await assistance.CreateAssistanceRequestAsync(new CreateAssistanceRequestRequest
        {
            AssistanceRequest = SampleData.Request(request.Title, course.Name),
            RequestId = requestId,
        });
        Assert.Equal(request.Title, retried.AssistanceRequest.Title);
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task Training_down_is_unavailable_and_nothing_is_stored(string mode)
    {
        var deadTraining = SuiteFixture.Loopback(FreePort.Next());
        await using var sidecar = await DaprSidecarStandIn.StartAsync("assistance", new Dictionary<string, Uri> { ["training"] = deadTraining }, suite.AppApiToken);
        var invocation = mode == "dapr" ? SuiteFixture.DaprVia(sidecar.Address) : SuiteFixture.DirectTo(deadTraining);
        var (process, channel) = await suite.StartExtraAssistanceAsync(invocation);
        await using var _ = process;
        var assistance = new AssistanceService.AssistanceServiceClient(channel);
        var request = SampleData.Request(SampleData.UniqueTitle("training down"), "courses/0123456789abcdef0123456789abcdef");

        var failure = await RichErrors.FailsWith(StatusCode.Unavailable, () =>
            assistance.CreateAssistanceRequestAsync(new CreateAssistanceRequestRequest { AssistanceRequest = request }).ResponseAsync);

        Assert.Equal("TRAINING_UNAVAILABLE", failure.ErrorInfo()?.Reason);
        await AssertNothingStoredAsync(request.Title);
    }

    [Fact]
    public async Task Dapr_mode_calls_carry_the_app_id_contract_and_the_callers_deadline()
    {
        var course = await CreateCourseAsync();
        var assistance = new AssistanceService.AssistanceServiceClient(suite.DaprModeAssistance);
        var before = suite.AssistanceSidecar.Calls.Count;

        await assistance.CreateAssistanceRequestAsync(
            new CreateAssistanceRequestRequest { AssistanceRequest = SampleData.Request(SampleData.UniqueTitle("dapr"), course.Name) },
            deadline: DateTime.UtcNow.AddSeconds(3));

        var call = suite.AssistanceSidecar.Calls.Skip(before).Single();
        Assert.Equal("training", call.CalleeAppId);
        Assert.Equal("/capacitybuilding.training.v1.TrainingService/BatchGetCourses", call.Method);
        Assert.Equal(["assistance"], call.ForwardedMetadata["dapr-caller-app-id"]);
        Assert.Equal(["training"], call.ForwardedMetadata["dapr-callee-app-id"]);
        Assert.False(call.ForwardedMetadata.ContainsKey("dapr-app-id"));
        Assert.True(call.ForwardedMetadata.ContainsKey("traceparent"));
        Assert.InRange(GrpcTimeout(call.ForwardedMetadata["grpc-timeout"].Single()), TimeSpan.FromMilliseconds(1), TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task Direct_mode_calls_do_not_pass_the_sidecar()
    {
        var course = await CreateCourseAsync();
        var before = suite.AssistanceSidecar.Calls.Count;

        await new AssistanceService.AssistanceServiceClient(suite.Gateway).CreateAssistanceRequestAsync(
            new CreateAssistanceRequestRequest { AssistanceRequest = SampleData.Request(SampleData.UniqueTitle("direct"), course.Name) });

        Assert.Equal(before, suite.AssistanceSidecar.Calls.Count);
    }

    private AssistanceService.AssistanceServiceClient AssistanceIn(string mode) =>
        new(mode == "dapr" ? suite.DaprModeAssistance : suite.Gateway);

    private async Task<Course> CreateCourseAsync() =>
        (await new TrainingService.TrainingServiceClient(suite.Gateway).CreateCourseAsync(new CreateCourseRequest { Course = SampleData.Course() })).Course;

    private async Task AssertNothingStoredAsync(string title)
    {
        var assistance = new AssistanceService.AssistanceServiceClient(suite.Gateway);
        var page = new ListAssistanceRequestsResponse { NextPageToken = "" };
        do
        {
            page = await assistance.ListAssistanceRequestsAsync(new ListAssistanceRequestsRequest { PageSize = 500, PageToken = page.NextPageToken });
            Assert.DoesNotContain(page.AssistanceRequests, stored => stored.Title == title);
        }
        while (page.NextPageToken.Length > 0);
    }

    /// <summary>Parses a gRPC <c>grpc-timeout</c> header such as <c>2998m</c>.</summary>
    private static TimeSpan GrpcTimeout(string header)
    {
        var value = long.Parse(header[..^1], System.Globalization.CultureInfo.InvariantCulture);
        return header[^1] switch
        {
            'H' => TimeSpan.FromHours(value),
            'M' => TimeSpan.FromMinutes(value),
            'S' => TimeSpan.FromSeconds(value),
            'm' => TimeSpan.FromMilliseconds(value),
            'u' => TimeSpan.FromMicroseconds(value),
            'n' => TimeSpan.FromTicks(value / 100),
            _ => throw new FormatException(header),
        };
    }
}

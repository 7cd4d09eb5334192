using CapacityBuilding.Contracts.Training.V1;
using CapacityBuilding.Tests.DaprStandIn;
using CapacityBuilding.Tests.Infrastructure;
using Grpc.Core;

namespace CapacityBuilding.Tests.Invocation;

/// <summary>
/// The stand-in itself follows daprd's proxying contract, so that passing through it means
/// something: calls without an app-id, to an unknown app or that the access-control policy of
/// k8s/ does not allow fail; rich errors come back intact.
/// </summary>
[Collection(SuiteDefinition.Name)]
public sealed class DaprSidecarStandInTests(SuiteFixture suite)
{
    [Fact]
    public async Task Call_without_dapr_app_id_fails_with_unknown()
    {
        var channel = suite.Channel(suite.AssistanceSidecar.Address);
        var training = new TrainingService.TrainingServiceClient(channel);

        var failure = await RichErrors.FailsWith(StatusCode.Unknown, () =>
            training.GetCourseAsync(new GetCourseRequest { Name = "courses/0123456789abcdef0123456789abcdef" }).ResponseAsync);

        Assert.Equal(DaprSidecarStandIn.MissingAppIdMessage, failure.Status.Detail);
    }

    [Fact]
    public async Task Call_to_an_unknown_app_id_reaches_nothing()
    {
        var channel = suite.Channel(suite.AssistanceSidecar.Address);
        var training = new TrainingService.TrainingServiceClient(channel);
        var before = suite.AssistanceSidecar.Calls.Count;

        await RichErrors.FailsWith(StatusCode.Unavailable, () =>
            training.GetCourseAsync(new GetCourseRequest { Name = "courses/0123456789abcdef0123456789abcdef" },
                new Metadata { { "dapr-app-id", "payroll" } }).ResponseAsync);

        Assert.Equal(before, suite.AssistanceSidecar.Calls.Count);
    }

    [Fact]
    public async Task Rich_error_details_come_back_through_the_proxy_unchanged()
    {
        var channel = suite.Channel(suite.AssistanceSidecar.Address);
        var training = new TrainingService.TrainingServiceClient(channel);

        var failure = await RichErrors.FailsWith(StatusCode.InvalidArgument, () =>
            training.BatchGetCoursesAsync(new BatchGetCoursesRequest { Names = { "courses/not-an-id" } },
                new Metadata { { "dapr-app-id", "training" } }).ResponseAsync);

        Assert.Equal(["names[0]"], failure.ViolatedFields());
        Assert.Equal("training.capacitybuilding.unodc.org", failure.ErrorInfo()?.Domain);
    }

    /// <summary>
    /// The policy of k8s/base/dapr/training-configuration.yaml lets assistance read courses, not
    /// write them: the sidecar refuses, as daprd does, and training never sees the call.
    /// </summary>
    [Fact]
    public async Task A_call_the_access_control_policy_does_not_allow_is_refused_and_reaches_nothing()
    {
        var channel = suite.Channel(suite.AssistanceSidecar.Address);
        var training = new TrainingService.TrainingServiceClient(channel);
        var title = SampleData.UniqueTitle("written through the sidecar");
        var before = suite.AssistanceSidecar.Calls.Count;

        var failure = await RichErrors.FailsWith(StatusCode.PermissionDenied, () =>
            training.CreateCourseAsync(new CreateCourseRequest { Course = SampleData.Course(title) },
                new Metadata { { "dapr-app-id", "training" } }).ResponseAsync);

        Assert.Contains("/capacitybuilding.training.v1.TrainingService/CreateCourse", failure.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(before, suite.AssistanceSidecar.Calls.Count);
        var courses = await new TrainingService.TrainingServiceClient(suite.Gateway).ListCoursesAsync(new ListCoursesRequest { PageSize = 500 });
        Assert.DoesNotContain(courses.Courses, course => course.Title == title);
    }
}

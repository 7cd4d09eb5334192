using CapacityBuilding.Contracts.Training.V1;
using CapacityBuilding.Tests.DaprStandIn;
using CapacityBuilding.Tests.Infrastructure;
using Grpc.Core;

namespace CapacityBuilding.Tests.Invocation;

/// <summary>
/// The stand-in itself follows daprd's proxying contract, so that passing through it means
/// something: calls without an app-id or to an unknown app fail, rich errors come back intact.
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
            training.CreateCourseAsync(new CreateCourseRequest { Course = new Course { Title = "" } },
                new Metadata { { "dapr-app-id", "training" } }).ResponseAsync);

        Assert.Contains("course.title", failure.ViolatedFields());
        Assert.Equal("training.capacitybuilding.unodc.org", failure.ErrorInfo()?.Domain);
    }
}

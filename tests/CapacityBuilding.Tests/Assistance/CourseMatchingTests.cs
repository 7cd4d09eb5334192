using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.Contracts.Common.V1;
using CapacityBuilding.Contracts.Training.V1;
using CapacityBuilding.Testing;
using CapacityBuilding.Tests.Infrastructure;
using Google.Type;
using Grpc.Core;
using Action = CapacityBuilding.Contracts.Assistance.V1.HistoryEntry.Types.Action;
using State = CapacityBuilding.Contracts.Assistance.V1.AssistanceRequest.Types.State;
using Status = CapacityBuilding.Contracts.Assistance.V1.CourseProposal.Types.Status;

namespace CapacityBuilding.Tests.Assistance;

/// <summary>
/// Approval asks the real training service (MatchCourses, through the invocation layer) for
/// courses and stores the proposal; training being down never blocks or undoes an approval, and
/// matching can be retried.
/// </summary>
[Collection(SuiteDefinition.Name)]
public sealed class CourseMatchingTests(SuiteFixture suite)
{
    private readonly AssistanceService.AssistanceServiceClient assistance = RequestLifecycleDriver.Coordinator(suite, "matching-coordinator");
    private readonly TrainingService.TrainingServiceClient training = new(suite.Gateway);

    [Fact]
    public async Task Approval_stores_the_courses_training_proposes_best_first()
    {
        var (course, session, request) = await CourseAndFittingRequestAsync(yearsAhead: 9);
        var driver = new RequestLifecycleDriver(assistance);

        var approved = await driver.CreateInStateAsync(State.Approved, request);

        Assert.True(approved.CourseProposal.Status == Status.Matched, approved.CourseProposal.Failure);
        var best = approved.CourseProposal.Courses[0];
        Assert.Equal((course.Name, course.Title, 100), (best.Course, best.Title, best.Score));
        Assert.Equal([session.Name], best.OpenSessions);
        Assert.Contains("taught in ru", best.Reasons);
        Assert.InRange(approved.CourseProposal.Courses.Count, 1, 10);
        Assert.Equal(approved, (await assistance.GetAssistanceRequestAsync(new GetAssistanceRequestRequest { Name = approved.Name })).AssistanceRequest);
    }

    [Fact]
    public async Task Approval_stands_when_training_is_down_and_matching_can_be_retried()
    {
        var (course, _, request) = await CourseAndFittingRequestAsync(yearsAhead: 10);
        var underReview = await new RequestLifecycleDriver(assistance).CreateInStateAsync(State.UnderReview, request);
        var (process, channel) = await suite.StartExtraAssistanceAsync(SuiteFixture.DirectTo(SuiteFixture.Loopback(FreePort.Next())));
        await using var _ = process;
        var cutOff = new RequestLifecycleDriver(new AssistanceService.AssistanceServiceClient(channel));

        var approved = await cutOff.ActAsync(underReview.Name, Action.Approve, reason: "fits the programme");
        var retryWhileDown = await RichErrors.FailsWith(StatusCode.Unavailable, () =>
            new AssistanceService.AssistanceServiceClient(channel).MatchAssistanceRequestCoursesAsync(
                new MatchAssistanceRequestCoursesRequest { Name = underReview.Name }).ResponseAsync);
        var retried = (await assistance.MatchAssistanceRequestCoursesAsync(new MatchAssistanceRequestCoursesRequest { Name = underReview.Name })).AssistanceRequest;

        Assert.Equal((State.Approved, Status.Failed), (approved.State, approved.CourseProposal.Status));
        Assert.NotEmpty(approved.CourseProposal.Failure);
        Assert.Equal("TRAINING_UNAVAILABLE", retryWhileDown.ErrorInfo()?.Reason);
        Assert.Equal((State.Approved, Status.Matched), (retried.State, retried.CourseProposal.Status));
        Assert.Equal(course.Name, retried.CourseProposal.Courses[0].Course);
        Assert.Equal(Action.Approve, (await new RequestLifecycleDriver(assistance).HistoryAsync(underReview.Name))[^1].Action);
    }

    [Theory]
    [InlineData(State.Draft)]
    [InlineData(State.UnderReview)]
    [InlineData(State.Rejected)]
    public async Task Matching_before_approval_is_a_failed_precondition(State state)
    {
        var request = await new RequestLifecycleDriver(assistance).CreateInStateAsync(state);

        var failure = await RichErrors.FailsWith(StatusCode.FailedPrecondition, () =>
            assistance.MatchAssistanceRequestCoursesAsync(new MatchAssistanceRequestCoursesRequest { Name = request.Name }).ResponseAsync);

        Assert.Equal(state.ToString(), failure.ErrorInfo()?.Metadata["current_state"]);
    }

    [Fact]
    public async Task In_dapr_mode_approval_calls_match_courses_through_the_sidecar()
    {
        var underReview = await new RequestLifecycleDriver(assistance).CreateInStateAsync(State.UnderReview);
        var before = suite.AssistanceSidecar.Calls.Count;

        var approved = await new RequestLifecycleDriver(new AssistanceService.AssistanceServiceClient(suite.DaprModeAssistance))
            .ActAsync(underReview.Name, Action.Approve);

        var call = Assert.Single(suite.AssistanceSidecar.Calls.Skip(before));
        Assert.Equal(("training", "/capacitybuilding.training.v1.TrainingService/MatchCourses"), (call.CalleeAppId, call.Method));
        Assert.Equal(Status.Matched, approved.CourseProposal.Status);
    }

    /// <summary>
    /// A published course on prevention taught in Russian with a session in a month of its own,
    /// years ahead, and a complete request that fits it exactly.
    /// </summary>
    private async Task<(Course Course, Session Session, AssistanceRequest Request)> CourseAndFittingRequestAsync(int yearsAhead)
    {
        var start = new DateTimeOffset(DateTimeOffset.UtcNow.Year + yearsAhead, 9, 7, 8, 0, 0, TimeSpan.Zero);
        var course = SampleData.Course(SampleData.UniqueTitle("Профилактика киберпреступности"));
        course.ThematicAreas.Clear();
        course.ThematicAreas.Add(ThematicArea.Prevention);
        course.Languages.Clear();
        course.Languages.Add("ru");
        course.TargetAudiences.Clear();
        course.TargetAudiences.Add(TargetAudience.PolicyMakers);
        course = (await training.CreateCourseAsync(new CreateCourseRequest { Course = course })).Course;
        var session = (await training.CreateSessionAsync(new CreateSessionRequest
        {
            Parent = course.Name,
            Session = SampleData.Session(start, language: "ru"),
        })).Session;

        var request = RequestLifecycleDriver.CompleteRequest("KGZ");
        request.ThematicAreas.Clear();
        request.ThematicAreas.Add(ThematicArea.Prevention);
        request.Languages.Clear();
        request.Languages.Add("ru");
        request.TargetAudiences.Clear();
        request.TargetAudiences.Add(TargetAudience.PolicyMakers);
        request.DesiredStart = DateOf(start.AddDays(-20));
        request.DesiredEnd = DateOf(start.AddDays(30));
        return (course, session, request);
    }

    private static Date DateOf(DateTimeOffset time) => new() { Year = time.Year, Month = time.Month, Day = time.Day };
}

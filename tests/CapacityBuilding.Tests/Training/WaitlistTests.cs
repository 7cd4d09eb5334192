using CapacityBuilding.Contracts.Training.V1;
using CapacityBuilding.Tests.Infrastructure;
using Grpc.Core;

namespace CapacityBuilding.Tests.Training;

/// <summary>Cancelling gives the seat to the first waitlisted; states that forbid enrolments or sessions say so.</summary>
[Collection(SuiteDefinition.Name)]
public sealed class WaitlistTests(SuiteFixture suite)
{
    private readonly TrainingService.TrainingServiceClient training = new(suite.Gateway);
    private readonly TrainingSetup setup = new(new TrainingService.TrainingServiceClient(suite.Gateway));

    [Fact]
    public async Task Cancelling_a_confirmed_seat_promotes_the_first_waitlisted_and_moves_the_queue_up()
    {
        var session = await setup.SessionAsync(seats: 2);
        var enrolments = new List<Enrolment>();
        for (var i = 0; i < 5; i++)
        {
            enrolments.Add(await setup.EnrolAsync(session, TrainingSetup.Email(i)));
        }

        var cancelled = await training.CancelEnrolmentAsync(new CancelEnrolmentRequest { Name = enrolments[0].Name });

        Assert.Equal(EnrolmentState.Cancelled, cancelled.Enrolment.State);
        Assert.Equal(enrolments[2].Name, cancelled.PromotedEnrolment.Name);
        Assert.Equal(EnrolmentState.Confirmed, cancelled.PromotedEnrolment.State);
        Assert.Equal(
            [(EnrolmentState.Cancelled, 0), (EnrolmentState.Confirmed, 0), (EnrolmentState.Confirmed, 0), (EnrolmentState.Waitlisted, 1), (EnrolmentState.Waitlisted, 2)],
            await StatesAsync(enrolments));
        var stored = (await training.GetSessionAsync(new GetSessionRequest { Name = session.Name })).Session;
        Assert.Equal((2, 2), (stored.ConfirmedCount, stored.WaitlistCount));
    }

    [Fact]
    public async Task Cancelling_a_waitlisted_enrolment_promotes_nobody_and_closes_the_gap()
    {
        var session = await setup.SessionAsync(seats: 1);
        var enrolments = new List<Enrolment>();
        for (var i = 0; i < 4; i++)
        {
            enrolments.Add(await setup.EnrolAsync(session, TrainingSetup.Email(i)));
        }

        var cancelled = await training.CancelEnrolmentAsync(new CancelEnrolmentRequest { Name = enrolments[1].Name });

        Assert.Null(cancelled.PromotedEnrolment);
        Assert.Equal(
            [(EnrolmentState.Confirmed, 0), (EnrolmentState.Cancelled, 0), (EnrolmentState.Waitlisted, 1), (EnrolmentState.Waitlisted, 2)],
            await StatesAsync(enrolments));
    }

    [Fact]
    public async Task Cancelling_twice_is_a_failed_precondition_and_the_participant_may_enrol_again()
    {
        var session = await setup.SessionAsync(seats: 1);
        var first = await setup.EnrolAsync(session, "again@police.example.org");
        await training.CancelEnrolmentAsync(new CancelEnrolmentRequest { Name = first.Name });

        var failure = await RichErrors.FailsWith(StatusCode.FailedPrecondition, () =>
            training.CancelEnrolmentAsync(new CancelEnrolmentRequest { Name = first.Name }).ResponseAsync);
        var again = await setup.EnrolAsync(session, "again@police.example.org");

        Assert.Equal("ENROLMENT_ALREADY_CANCELLED", failure.ErrorInfo()?.Reason);
        Assert.Equal(EnrolmentState.Confirmed, again.State);
    }

    [Fact]
    public async Task The_same_participant_cannot_enrol_twice_in_a_session_whatever_the_case_of_the_address()
    {
        var session = await setup.SessionAsync();
        var first = await setup.EnrolAsync(session, "ama.mensah@police.example.org");

        var failure = await RichErrors.FailsWith(StatusCode.AlreadyExists, () => setup.EnrolAsync(session, "  Ama.Mensah@Police.Example.org "));

        Assert.Equal("PARTICIPANT_ALREADY_ENROLLED", failure.ErrorInfo()?.Reason);
        Assert.Equal(first.Name, failure.GetRpcStatus()?.GetDetail<Google.Rpc.ResourceInfo>()?.ResourceName);
        var stored = (await training.GetSessionAsync(new GetSessionRequest { Name = session.Name })).Session;
        Assert.Equal(1, stored.ConfirmedCount);
    }

    [Theory]
    [InlineData(SessionStatus.Cancelled, "SESSION_STATUS_CANCELLED")]
    [InlineData(SessionStatus.InProgress, "SESSION_STATUS_IN_PROGRESS")]
    [InlineData(SessionStatus.Completed, "SESSION_STATUS_COMPLETED")]
    public async Task A_session_that_is_not_scheduled_refuses_enrolments_naming_its_status(SessionStatus status, string expectedStatus)
    {
        var session = await setup.SessionAsync();
        await setup.SetStatusAsync(session, status);

        var failure = await RichErrors.FailsWith(StatusCode.FailedPrecondition, () => setup.EnrolAsync(session, "late@police.example.org"));

        Assert.Equal("SESSION_NOT_OPEN_FOR_ENROLMENT", failure.ErrorInfo()?.Reason);
        Assert.Equal(expectedStatus, failure.ErrorInfo()?.Metadata["status"]);
        Assert.Contains(expectedStatus, failure.Status.Detail, StringComparison.Ordinal);
        Assert.Empty((await training.ListEnrolmentsAsync(new ListEnrolmentsRequest { Parent = session.Name })).Enrolments);
    }

    [Fact]
    public async Task A_retired_course_refuses_new_sessions_and_keeps_its_existing_ones()
    {
        var course = await setup.CourseAsync();
        var existing = await setup.SessionAsync(course);
        await training.UpdateCourseAsync(new UpdateCourseRequest
        {
            Course = new Course { Name = course.Name, Status = CourseStatus.Retired },
            UpdateMask = new() { Paths = { "status" } },
        });

        var failure = await RichErrors.FailsWith(StatusCode.FailedPrecondition, () => setup.SessionAsync(course));

        Assert.Equal("COURSE_RETIRED", failure.ErrorInfo()?.Reason);
        Assert.Equal("COURSE_STATUS_RETIRED", failure.ErrorInfo()?.Metadata["status"]);
        var listed = await training.ListSessionsAsync(new ListSessionsRequest { Parent = course.Name });
        Assert.Equal([existing.Name], listed.Sessions.Select(session => session.Name));
    }

    [Theory]
    [InlineData(SessionStatus.Scheduled, SessionStatus.Completed, true)]
    [InlineData(SessionStatus.Cancelled, SessionStatus.Scheduled, false)]
    [InlineData(SessionStatus.Completed, SessionStatus.InProgress, false)]
    [InlineData(SessionStatus.Completed, SessionStatus.Cancelled, false)]
    public async Task Session_status_changes_follow_the_session_life(SessionStatus from, SessionStatus to, bool allowed)
    {
        var session = await setup.SessionAsync();
        if (from != SessionStatus.Scheduled)
        {
            session = await setup.SetStatusAsync(session, from);
        }

        if (allowed)
        {
            Assert.Equal(to, (await setup.SetStatusAsync(session, to)).Status);
        }
        else
        {
            var failure = await RichErrors.FailsWith(StatusCode.FailedPrecondition, () => setup.SetStatusAsync(session, to));
            Assert.Equal("SESSION_STATUS_CHANGE_NOT_ALLOWED", failure.ErrorInfo()?.Reason);
        }
    }

    private async Task<List<(EnrolmentState, int)>> StatesAsync(IEnumerable<Enrolment> enrolments)
    {
        var states = new List<(EnrolmentState, int)>();
        foreach (var enrolment in enrolments)
        {
            var read = (await training.GetEnrolmentAsync(new GetEnrolmentRequest { Name = enrolment.Name })).Enrolment;
            states.Add((read.State, read.WaitlistPosition));
        }

        return states;
    }
}

using CapacityBuilding.Contracts.Training.V1;
using CapacityBuilding.Tests.Infrastructure;
using Grpc.Core;

namespace CapacityBuilding.Tests.Training;

/// <summary>Kirkpatrick evaluations after a completed session, summed per session and per course.</summary>
[Collection(SuiteDefinition.Name)]
public sealed class EvaluationTests(SuiteFixture suite)
{
    private readonly TrainingService.TrainingServiceClient training = new(suite.Gateway);
    private readonly TrainingSetup setup = new(new TrainingService.TrainingServiceClient(suite.Gateway));

    [Fact]
    public async Task Evaluations_are_summed_per_session_and_per_course_leaving_unassessed_levels_out()
    {
        var course = await setup.CourseAsync();
        var first = await setup.SessionAsync(course);
        var second = await setup.SessionAsync(course);
        var a = await setup.EnrolAsync(first, "a@police.example.org");
        var b = await setup.EnrolAsync(first, "b@police.example.org");
        var c = await setup.EnrolAsync(second, "c@police.example.org");
        await setup.SetStatusAsync(first, SessionStatus.Completed);
        await setup.SetStatusAsync(second, SessionStatus.Completed);

        await EvaluateAsync(first, a, reaction: 5, learning: 4, behaviour: 3, results: 0);
        await EvaluateAsync(first, b, reaction: 4, learning: 4, behaviour: 0, results: 0);
        await EvaluateAsync(second, c, reaction: 2, learning: 3, behaviour: 4, results: 5);

        var session = (await training.GetEvaluationSummaryAsync(new GetEvaluationSummaryRequest { Name = $"{first.Name}/evaluationSummary" })).EvaluationSummary;
        Assert.Equal(2, session.EvaluationCount);
        Assert.Equal((2, 9L, 4.5), (session.Reaction.RatingCount, session.Reaction.RatingSum, session.Reaction.Average));
        Assert.Equal((1, 3L, 3.0), (session.Behaviour.RatingCount, session.Behaviour.RatingSum, session.Behaviour.Average));
        Assert.Equal((0, 0L, 0.0), (session.Results.RatingCount, session.Results.RatingSum, session.Results.Average));

        var total = (await training.GetEvaluationSummaryAsync(new GetEvaluationSummaryRequest { Name = $"{course.Name}/evaluationSummary" })).EvaluationSummary;
        Assert.Equal(3, total.EvaluationCount);
        Assert.Equal((3, 11L, 3.67), (total.Reaction.RatingCount, total.Reaction.RatingSum, total.Reaction.Average));
        Assert.Equal((1, 5L, 5.0), (total.Results.RatingCount, total.Results.RatingSum, total.Results.Average));
        Assert.Equal(2, (await training.ListEvaluationsAsync(new ListEvaluationsRequest { Parent = first.Name })).Evaluations.Count);
    }

    [Theory]
    [InlineData(SessionStatus.Scheduled, "SESSION_STATUS_SCHEDULED")]
    [InlineData(SessionStatus.InProgress, "SESSION_STATUS_IN_PROGRESS")]
    [InlineData(SessionStatus.Cancelled, "SESSION_STATUS_CANCELLED")]
    public async Task A_session_that_is_not_completed_takes_no_evaluation(SessionStatus status, string expected)
    {
        var session = await setup.SessionAsync();
        var enrolment = await setup.EnrolAsync(session, "early@police.example.org");
        if (status != SessionStatus.Scheduled)
        {
            await setup.SetStatusAsync(session, status);
        }

        var failure = await RichErrors.FailsWith(StatusCode.FailedPrecondition, () => EvaluateAsync(session, enrolment));

        Assert.Equal(expected, failure.ErrorInfo()?.Metadata["status"]);
    }

    [Fact]
    public async Task A_participant_evaluates_once_and_only_with_a_confirmed_seat()
    {
        var session = await setup.SessionAsync(seats: 1);
        var seated = await setup.EnrolAsync(session, "seated@police.example.org");
        var waiting = await setup.EnrolAsync(session, "waiting@police.example.org");
        await setup.SetStatusAsync(session, SessionStatus.Completed);
        await EvaluateAsync(session, seated);

        var twice = await RichErrors.FailsWith(StatusCode.AlreadyExists, () => EvaluateAsync(session, seated));
        var notSeated = await RichErrors.FailsWith(StatusCode.FailedPrecondition, () => EvaluateAsync(session, waiting));

        Assert.Equal("ENROLMENT_ALREADY_EVALUATED", twice.ErrorInfo()?.Reason);
        Assert.Equal("ENROLMENT_STATE_WAITLISTED", notSeated.ErrorInfo()?.Metadata["state"]);
        var summary = (await training.GetEvaluationSummaryAsync(new GetEvaluationSummaryRequest { Name = $"{session.Name}/evaluationSummary" })).EvaluationSummary;
        Assert.Equal(1, summary.EvaluationCount);
    }

    private Task<CreateEvaluationResponse> EvaluateAsync(Session session, Enrolment enrolment, int reaction = 4, int learning = 4, int behaviour = 0, int results = 0) =>
        training.CreateEvaluationAsync(new CreateEvaluationRequest
        {
            Parent = session.Name,
            Evaluation = new Evaluation
            {
                Enrolment = enrolment.Name,
                Reaction = reaction,
                Learning = learning,
                Behaviour = behaviour,
                Results = results,
                Comments = "Practical and well paced.",
            },
        }).ResponseAsync;
}

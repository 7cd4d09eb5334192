using CapacityBuilding.Contracts.Training.V1;
using CapacityBuilding.ServiceDefaults.Identity;
using CapacityBuilding.Tests.Infrastructure;
using CapacityBuilding.Tests.Training;
using Grpc.Core;

namespace CapacityBuilding.Tests.Delivery;

/// <summary>
/// After an event or session: participants, experts and the host institution answer their own
/// questions; levels 3 and 4 come months later as one follow-up of an earlier evaluation, never
/// before the end; summaries count and average each group and level per event, course and request.
/// </summary>
[Collection(SuiteDefinition.Name)]
public sealed class DeliveryEvaluationTests(SuiteFixture suite)
{
    private readonly DeliverySetup setup = new(suite);

    public static Evaluation Participant(int reaction = 5, int learning = 4) => new()
    {
        Respondent = Respondent.Participant,
        Reaction = reaction,
        Learning = learning,
        ObjectivesMet = 4,
        Comments = "Hands-on and relevant.",
    };

    public static Evaluation Expert(string expert) => new()
    {
        Respondent = Respondent.Expert,
        Expert = expert,
        ObjectivesMet = 5,
        KnowledgeImproved = 4,
        MoreHelpNeeded = 3,
    };

    public static Evaluation Host() => new()
    {
        Respondent = Respondent.HostInstitution,
        ObjectivesMet = 4,
        KnowledgeImproved = 4,
        MoreHelpNeeded = 5,
        Comments = "We would like a follow-up mission on cross-border requests.",
    };

    [Fact]
    public async Task All_three_groups_answer_and_the_event_and_request_summaries_count_each_group()
    {
        var expert = await setup.ExpertAsync();
        var delivered = await setup.DeliveredEventAsync("GHA", expert.Name);

        await EvaluateAsync(delivered, Participant(5, 4));
        await EvaluateAsync(delivered, Participant(3, 2));
        await EvaluateAsync(delivered, Expert(expert.Name));
        var host = await EvaluateAsync(delivered, Host());
        await setup.Training.RecordEvaluationFollowUpAsync(new RecordEvaluationFollowUpRequest
        {
            Name = host.Name,
            FollowUp = new EvaluationFollowUp { Behaviour = 4, Results = 3, Comments = "The unit now preserves data within a day." },
        });

        var ofEvent = (await setup.Training.GetDeliveryEvaluationSummaryAsync(new GetDeliveryEvaluationSummaryRequest { Name = $"{delivered.Name}/evaluationSummary" })).EvaluationSummary;
        var ofRequest = (await setup.Training.GetDeliveryEvaluationSummaryAsync(new GetDeliveryEvaluationSummaryRequest { Name = $"{delivered.AssistanceRequest}/evaluationSummary" })).EvaluationSummary;

        Assert.Equal(4, ofEvent.EvaluationCount);
        Assert.Equal(4.0, ofEvent.Reaction.Average);
        Assert.Equal(1, ofEvent.Behaviour.RatingCount);
        Assert.Equal([Respondent.Participant, Respondent.Expert, Respondent.HostInstitution], ofEvent.Respondents.Select(group => group.Respondent));
        var participants = ofEvent.Respondents[0];
        Assert.Equal((2, 3.0, 4.0), (participants.EvaluationCount, participants.Learning.Average, participants.ObjectivesMet.Average));
        var experts = ofEvent.Respondents[1];
        Assert.Equal((1, 0, 5.0, 3.0), (experts.EvaluationCount, experts.Reaction.RatingCount, experts.ObjectivesMet.Average, experts.MoreHelpNeeded.Average));
        var hosts = ofEvent.Respondents[2];
        Assert.Equal((1, 1, 4.0, 3.0), (hosts.EvaluationCount, hosts.FollowUpCount, hosts.Behaviour.Average, hosts.Results.Average));
        Assert.Equal(ofEvent.Respondents, ofRequest.Respondents);
        var listed = await setup.Training.ListDeliveryEventEvaluationsAsync(new ListDeliveryEventEvaluationsRequest { Parent = delivered.Name });
        Assert.Equal(4, listed.Evaluations.Count);
        Assert.Equal("The unit now preserves data within a day.", listed.Evaluations.Single(evaluation => evaluation.Name == host.Name).FollowUp.Comments);
    }

    [Fact]
    public async Task Each_group_answers_its_own_questions_and_an_expert_only_once_and_only_on_its_event()
    {
        var expert = await setup.ExpertAsync();
        var other = await setup.ExpertAsync();
        var delivered = await setup.DeliveredEventAsync("GHA", expert.Name);
        var rated = Expert(expert.Name);
        rated.Reaction = 4;
        var unrated = Participant();
        unrated.Reaction = 0;

        var expertRated = await RichErrors.FailsWith(StatusCode.InvalidArgument, () => EvaluateAsync(delivered, rated));
        var participantUnrated = await RichErrors.FailsWith(StatusCode.InvalidArgument, () => EvaluateAsync(delivered, unrated));
        var notOnEvent = await RichErrors.FailsWith(StatusCode.InvalidArgument, () => EvaluateAsync(delivered, Expert(other.Name)));
        var anonymous = await RichErrors.FailsWith(StatusCode.InvalidArgument, () => EvaluateAsync(delivered, new Evaluation { ObjectivesMet = 3, KnowledgeImproved = 3, MoreHelpNeeded = 3 }));
        await EvaluateAsync(delivered, Expert(expert.Name));
        var twice = await RichErrors.FailsWith(StatusCode.AlreadyExists, () => EvaluateAsync(delivered, Expert(expert.Name)));

        Assert.Equal(["evaluation.reaction"], expertRated.ViolatedFields());
        Assert.Equal(["evaluation.reaction"], participantUnrated.ViolatedFields());
        Assert.Equal(["evaluation.expert"], notOnEvent.ViolatedFields());
        Assert.Equal(["evaluation.respondent"], anonymous.ViolatedFields());
        Assert.Equal("EXPERT_ALREADY_EVALUATED", twice.ErrorInfo()?.Reason);
    }

    [Fact]
    public async Task An_event_is_evaluated_once_delivered_and_followed_up_once_its_last_day_has_passed()
    {
        var request = await setup.RequestAsync();
        var planned = await setup.EventAsync(request.Name, DateOnly.FromDateTime(DateTime.UtcNow), 3);
        await setup.Training.ConfirmDeliveryEventAsync(new ConfirmDeliveryEventRequest { Name = planned.Name });

        var early = await RichErrors.FailsWith(StatusCode.FailedPrecondition, () => EvaluateAsync(planned, Host()));
        await setup.Training.CompleteDeliveryEventAsync(new CompleteDeliveryEventRequest { Name = planned.Name });
        var evaluation = await EvaluateAsync(planned, Host());
        var tooEarly = await RichErrors.FailsWith(StatusCode.FailedPrecondition, () => setup.Training.RecordEvaluationFollowUpAsync(new RecordEvaluationFollowUpRequest
        {
            Name = evaluation.Name,
            FollowUp = new EvaluationFollowUp { Behaviour = 4 },
        }).ResponseAsync);

        Assert.Equal("EVENT_NOT_DELIVERED", early.ErrorInfo()?.Reason);
        Assert.Equal("FOLLOW_UP_TOO_EARLY", tooEarly.ErrorInfo()?.Reason);
    }

    [Fact]
    public async Task A_follow_up_needs_an_earlier_evaluation_a_rating_and_comes_once()
    {
        var delivered = await setup.DeliveredEventAsync();
        var evaluation = await EvaluateAsync(delivered, Participant());
        Task<RecordEvaluationFollowUpResponse> FollowUp(string name, int behaviour, int results) =>
            setup.Training.RecordEvaluationFollowUpAsync(new RecordEvaluationFollowUpRequest
            {
                Name = name,
                FollowUp = new EvaluationFollowUp { Behaviour = behaviour, Results = results },
            }).ResponseAsync;

        await RichErrors.FailsWith(StatusCode.NotFound, () => FollowUp($"{delivered.Name}/evaluations/0123456789abcdef0123456789abcdef", 4, 0));
        var unrated = await RichErrors.FailsWith(StatusCode.InvalidArgument, () => FollowUp(evaluation.Name, 0, 0));
        var recorded = (await FollowUp(evaluation.Name, 0, 5)).Evaluation;
        var again = await RichErrors.FailsWith(StatusCode.AlreadyExists, () => FollowUp(evaluation.Name, 3, 3));

        Assert.Equal(["follow_up"], unrated.ViolatedFields());
        Assert.Equal(5, recorded.FollowUp.Results);
        Assert.Equal("FOLLOW_UP_RECORDED", again.ErrorInfo()?.Reason);
    }

    [Fact]
    public async Task A_sessions_evaluation_is_followed_up_after_the_session_and_counts_in_the_course_and_request_summaries()
    {
        var training = new TrainingSetup(setup.Training);
        var request = await setup.RequestAsync();
        var course = await training.CourseAsync();
        var lastYear = new DateTimeOffset(DeliverySetup.LastYear.ToDateTime(new TimeOnly(8, 0)), TimeSpan.Zero);
        var session = await training.SessionAsync(course, start: lastYear);
        var enrolment = SampleData.Enrolment("follow.up@police.example.org");
        enrolment.AssistanceRequest = request.Name;
        enrolment = (await setup.Training.CreateEnrolmentAsync(new CreateEnrolmentRequest { Parent = session.Name, Enrolment = enrolment })).Enrolment;
        await training.SetStatusAsync(session, SessionStatus.Completed);
        var evaluation = (await setup.Training.CreateEvaluationAsync(new CreateEvaluationRequest
        {
            Parent = session.Name,
            Evaluation = new Evaluation { Enrolment = enrolment.Name, Reaction = 4, Learning = 5 },
        })).Evaluation;

        var followedUp = (await setup.Training.RecordEvaluationFollowUpAsync(new RecordEvaluationFollowUpRequest
        {
            Name = evaluation.Name,
            FollowUp = new EvaluationFollowUp { Behaviour = 3, Results = 2 },
        })).Evaluation;
        var ofCourse = (await setup.Training.GetEvaluationSummaryAsync(new GetEvaluationSummaryRequest { Name = $"{course.Name}/evaluationSummary" })).EvaluationSummary;
        var ofRequest = (await setup.Training.GetDeliveryEvaluationSummaryAsync(new GetDeliveryEvaluationSummaryRequest { Name = $"{request.Name}/evaluationSummary" })).EvaluationSummary;

        Assert.Equal(Respondent.Participant, followedUp.Respondent);
        Assert.Equal((1, 3.0, 2.0), (ofCourse.EvaluationCount, ofCourse.Behaviour.Average, ofCourse.Results.Average));
        Assert.Equal((1, 1), (ofCourse.Respondents.Single().EvaluationCount, ofCourse.Respondents.Single().FollowUpCount));
        Assert.Equal((1, 5.0, 3.0), (ofRequest.EvaluationCount, ofRequest.Learning.Average, ofRequest.Behaviour.Average));
    }

    [Fact]
    public async Task A_sessions_experts_and_host_answer_their_own_questions_and_count_in_the_session_course_and_request_summaries()
    {
        var training = new TrainingSetup(setup.Training);
        var request = await setup.RequestAsync();
        var expert = await setup.ExpertAsync();
        var course = await training.CourseAsync();
        var session = await training.SessionAsync(course, start: new DateTimeOffset(DeliverySetup.LastYear.ToDateTime(new TimeOnly(8, 0)), TimeSpan.Zero));
        var enrolment = SampleData.Enrolment("three.groups@police.example.org");
        enrolment.AssistanceRequest = request.Name;
        enrolment = (await setup.Training.CreateEnrolmentAsync(new CreateEnrolmentRequest { Parent = session.Name, Enrolment = enrolment })).Enrolment;
        await training.SetStatusAsync(session, SessionStatus.Completed);

        var participant = Participant(4, 5);
        participant.Enrolment = enrolment.Name;
        await EvaluateAsync(session, participant);
        var byExpert = await EvaluateAsync(session, Expert(expert.Name));
        var byHost = await EvaluateAsync(session, Host());
        var followedUp = (await setup.Training.RecordEvaluationFollowUpAsync(new RecordEvaluationFollowUpRequest
        {
            Name = byHost.Name,
            FollowUp = new EvaluationFollowUp { Behaviour = 4, Results = 2 },
        })).Evaluation;
        var again = await RichErrors.FailsWith(StatusCode.AlreadyExists, () => setup.Training.CreateEvaluationAsync(
            new CreateEvaluationRequest { Parent = session.Name, Evaluation = Expert(expert.Name) }).ResponseAsync);

        var ofSession = (await setup.Training.GetEvaluationSummaryAsync(new GetEvaluationSummaryRequest { Name = $"{session.Name}/evaluationSummary" })).EvaluationSummary;
        var ofCourse = (await setup.Training.GetEvaluationSummaryAsync(new GetEvaluationSummaryRequest { Name = $"{course.Name}/evaluationSummary" })).EvaluationSummary;
        var ofRequest = (await setup.Training.GetDeliveryEvaluationSummaryAsync(new GetDeliveryEvaluationSummaryRequest { Name = $"{request.Name}/evaluationSummary" })).EvaluationSummary;
        var listed = await setup.Training.ListEvaluationsAsync(new ListEvaluationsRequest { Parent = session.Name });

        Assert.Equal((Respondent.Expert, expert.Name, "", 5), (byExpert.Respondent, byExpert.Expert, byExpert.Enrolment, byExpert.ObjectivesMet));
        Assert.StartsWith($"{session.Name}/evaluations/", byHost.Name);
        Assert.Equal((4, 2), (followedUp.FollowUp.Behaviour, followedUp.FollowUp.Results));
        Assert.Equal("EXPERT_ALREADY_EVALUATED", again.ErrorInfo()?.Reason);
        foreach (var summary in new[] { ofSession, ofCourse, ofRequest })
        {
            Assert.Equal(3, summary.EvaluationCount);
            Assert.Equal([Respondent.Participant, Respondent.Expert, Respondent.HostInstitution], summary.Respondents.Select(group => group.Respondent));
            Assert.Equal((1, 5.0), (summary.Respondents[1].EvaluationCount, summary.Respondents[1].ObjectivesMet.Average));
            Assert.Equal((1, 1, 4.0, 5.0), (summary.Respondents[2].EvaluationCount, summary.Respondents[2].FollowUpCount,
                summary.Respondents[2].Behaviour.Average, summary.Respondents[2].MoreHelpNeeded.Average));
        }

        Assert.Equal(3, listed.Evaluations.Count);
    }

    [Fact]
    public async Task A_sessions_expert_or_host_answers_without_an_enrolment_once_completed_as_recorded_by_a_coordinator()
    {
        var training = new TrainingSetup(setup.Training);
        var session = await training.SessionAsync();
        var enrolment = await training.EnrolAsync(session, "host.with.enrolment@police.example.org");
        var early = await RichErrors.FailsWith(StatusCode.FailedPrecondition, () => setup.Training.CreateEvaluationAsync(
            new CreateEvaluationRequest { Parent = session.Name, Evaluation = Host() }).ResponseAsync);
        await training.SetStatusAsync(session, SessionStatus.Completed);
        var asHost = Host();
        asHost.Enrolment = enrolment.Name;

        var withEnrolment = await RichErrors.FailsWith(StatusCode.InvalidArgument, () => setup.Training.CreateEvaluationAsync(
            new CreateEvaluationRequest { Parent = session.Name, Evaluation = asHost }).ResponseAsync);
        var participantQuestions = Host();
        participantQuestions.Reaction = 5;
        var wrongQuestions = await RichErrors.FailsWith(StatusCode.InvalidArgument, () => setup.Training.CreateEvaluationAsync(
            new CreateEvaluationRequest { Parent = session.Name, Evaluation = participantQuestions }).ResponseAsync);
        var unknownExpert = await RichErrors.FailsWith(StatusCode.NotFound, () => setup.Training.CreateEvaluationAsync(
            new CreateEvaluationRequest { Parent = session.Name, Evaluation = Expert($"experts/{Guid.NewGuid():N}") }).ResponseAsync);
        var byMemberState = await RichErrors.FailsWith(StatusCode.PermissionDenied, () => setup.As(CallerRole.MemberState).CreateEvaluationAsync(
            new CreateEvaluationRequest { Parent = session.Name, Evaluation = Host() }).ResponseAsync);

        Assert.Equal("SESSION_NOT_COMPLETED", early.ErrorInfo()?.Reason);
        Assert.Equal(["evaluation.enrolment"], withEnrolment.ViolatedFields());
        Assert.Equal(["evaluation.reaction"], wrongQuestions.ViolatedFields());
        Assert.NotNull(unknownExpert);
        Assert.NotNull(byMemberState);
        var listed = await setup.Training.ListEvaluationsAsync(new ListEvaluationsRequest { Parent = session.Name });
        Assert.Empty(listed.Evaluations);
    }

    private async Task<Evaluation> EvaluateAsync(Session session, Evaluation evaluation) =>
        (await setup.Training.CreateEvaluationAsync(new CreateEvaluationRequest { Parent = session.Name, Evaluation = evaluation })).Evaluation;

    private async Task<Evaluation> EvaluateAsync(DeliveryEvent deliveryEvent, Evaluation evaluation) =>
        (await setup.Training.CreateDeliveryEventEvaluationAsync(new CreateDeliveryEventEvaluationRequest { Parent = deliveryEvent.Name, Evaluation = evaluation })).Evaluation;
}

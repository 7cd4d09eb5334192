using CapacityBuilding.Contracts.Training.V1;
using CapacityBuilding.ServiceDefaults.Identity;
using CapacityBuilding.Tests.Infrastructure;
using Grpc.Core;

namespace CapacityBuilding.Tests.Training;

/// <summary>
/// A member state sees enrolments of its own nationals only, on every path: a cancellation does
/// not name another country's participant promoted to the seat, an evaluation cannot be filed for
/// another country's enrolment, and a duplicate enrolment does not name one it may not see.
/// </summary>
[Collection(SuiteDefinition.Name)]
public sealed class EnrolmentAccessTests(SuiteFixture suite)
{
    private readonly TrainingSetup setup = new(new TrainingService.TrainingServiceClient(suite.Gateway));

    [Theory]
    [InlineData("GHA", true)]
    [InlineData("KEN", false)]
    public async Task A_cancellation_names_the_promoted_participant_only_to_a_caller_who_may_see_it(string promotedNationality, bool named)
    {
        var session = await setup.SessionAsync(seats: 1);
        var seated = await EnrolAsync(session, "seated@police.example.org", "GHA");
        var waiting = await EnrolAsync(session, "waiting@police.example.org", promotedNationality);

        var cancelled = await As("GHA").CancelEnrolmentAsync(new CancelEnrolmentRequest { Name = seated.Name });

        Assert.Equal(named ? waiting.Name : null, cancelled.PromotedEnrolment?.Name);
        var promoted = await new TrainingService.TrainingServiceClient(suite.Gateway).GetEnrolmentAsync(new GetEnrolmentRequest { Name = waiting.Name });
        Assert.Equal(EnrolmentState.Confirmed, promoted.Enrolment.State);
    }

    [Fact]
    public async Task A_member_state_cannot_evaluate_for_another_countrys_enrolment_which_answers_as_a_missing_one()
    {
        var session = await setup.SessionAsync();
        var kenyan = await EnrolAsync(session, "kenyan@police.example.org", "KEN");
        var ghanaian = await EnrolAsync(session, "ghanaian@police.example.org", "GHA");
        await setup.SetStatusAsync(session, SessionStatus.Completed);
        var ghana = As("GHA");

        var foreign = await RichErrors.FailsWith(StatusCode.NotFound, () => EvaluateAsync(ghana, session, kenyan.Name));
        var missing = await RichErrors.FailsWith(StatusCode.NotFound, () => EvaluateAsync(ghana, session, $"{session.Name}/enrolments/0123456789abcdef0123456789abcdef"));
        var own = await EvaluateAsync(ghana, session, ghanaian.Name);

        Assert.Equal(missing.ErrorInfo()?.Reason, foreign.ErrorInfo()?.Reason);
        Assert.Equal(ghanaian.Name, own.Evaluation.Enrolment);
        var listed = await new TrainingService.TrainingServiceClient(suite.Gateway).ListEvaluationsAsync(new ListEvaluationsRequest { Parent = session.Name });
        Assert.Equal([ghanaian.Name], listed.Evaluations.Select(evaluation => evaluation.Enrolment));
    }

    [Theory]
    [InlineData("GHA", true)]
    [InlineData("KEN", false)]
    public async Task A_duplicate_enrolment_names_the_existing_one_only_to_a_caller_who_may_see_it(string existingNationality, bool named)
    {
        var session = await setup.SessionAsync();
        var existing = await EnrolAsync(session, "twice@police.example.org", existingNationality);

        var failure = await RichErrors.FailsWith(StatusCode.AlreadyExists, () => As("GHA").CreateEnrolmentAsync(new CreateEnrolmentRequest
        {
            Parent = session.Name,
            Enrolment = WithNationality(SampleData.Enrolment("twice@police.example.org"), "GHA"),
        }).ResponseAsync);

        Assert.Equal("PARTICIPANT_ALREADY_ENROLLED", failure.ErrorInfo()?.Reason);
        Assert.Equal(named ? existing.Name : null, failure.GetRpcStatus()?.GetDetail<Google.Rpc.ResourceInfo>()?.ResourceName);
        Assert.Equal(named ? existing.Name : null, failure.ErrorInfo()?.Metadata.GetValueOrDefault("resource_name"));
        Assert.DoesNotContain(existing.Name, failure.Status.Detail, StringComparison.Ordinal);
    }

    /// <summary>Enrolled by a coordinator, who may enrol any nationality.</summary>
    private async Task<Enrolment> EnrolAsync(Session session, string email, string nationality) =>
        (await new TrainingService.TrainingServiceClient(suite.Gateway).CreateEnrolmentAsync(new CreateEnrolmentRequest
        {
            Parent = session.Name,
            Enrolment = WithNationality(SampleData.Enrolment(email), nationality),
        })).Enrolment;

    private static Enrolment WithNationality(Enrolment enrolment, string nationality)
    {
        enrolment.Nationality = nationality;
        return enrolment;
    }

    private static Task<CreateEvaluationResponse> EvaluateAsync(TrainingService.TrainingServiceClient client, Session session, string enrolment) =>
        client.CreateEvaluationAsync(new CreateEvaluationRequest
        {
            Parent = session.Name,
            Evaluation = new Evaluation { Enrolment = enrolment, Reaction = 4, Learning = 4, Comments = "Useful." },
        }).ResponseAsync;

    private TrainingService.TrainingServiceClient As(string country) =>
        new(suite.Channel(suite.GatewayGrpcAddress, suite.Tokens.Mint(CallerRole.MemberState, $"focal-point-{country.ToLowerInvariant()}", country)));
}

using CapacityBuilding.Contracts.Training.V1;
using CapacityBuilding.ServiceDefaults.Identity;
using CapacityBuilding.Tests.Infrastructure;
using Grpc.Core;
using Respondent = CapacityBuilding.Contracts.Training.V1.Respondent;

namespace CapacityBuilding.Tests.Delivery;

/// <summary>
/// A member state reads the events of its own country's requests only, by every path: the event,
/// the listings, its evaluations, its summary, its request's summary, a follow-up. Another
/// country's answers as a missing one.
/// </summary>
[Collection(SuiteDefinition.Name)]
public sealed class DeliveryEventAccessTests(SuiteFixture suite)
{
    private const string Missing = "0123456789abcdef0123456789abcdef";

    private readonly DeliverySetup setup = new(suite);

    [Fact]
    public async Task Another_countrys_event_answers_as_a_missing_one_on_every_path()
    {
        var kenyan = await setup.DeliveredEventAsync("KEN");
        var evaluation = (await setup.Training.CreateDeliveryEventEvaluationAsync(new CreateDeliveryEventEvaluationRequest
        {
            Parent = kenyan.Name,
            Evaluation = DeliveryEvaluationTests.Host(),
        })).Evaluation;
        var ghana = setup.As(CallerRole.MemberState, "GHA");

        (string Path, Func<Task> Foreign, Func<Task> Absent)[] paths =
        [
            ("get", () => ghana.GetDeliveryEventAsync(new GetDeliveryEventRequest { Name = kenyan.Name }).ResponseAsync,
                () => ghana.GetDeliveryEventAsync(new GetDeliveryEventRequest { Name = $"events/{Missing}" }).ResponseAsync),
            ("evaluations", () => ghana.ListDeliveryEventEvaluationsAsync(new ListDeliveryEventEvaluationsRequest { Parent = kenyan.Name }).ResponseAsync,
                () => ghana.ListDeliveryEventEvaluationsAsync(new ListDeliveryEventEvaluationsRequest { Parent = $"events/{Missing}" }).ResponseAsync),
            ("evaluate", () => ghana.CreateDeliveryEventEvaluationAsync(new CreateDeliveryEventEvaluationRequest { Parent = kenyan.Name, Evaluation = DeliveryEvaluationTests.Host() }).ResponseAsync,
                () => ghana.CreateDeliveryEventEvaluationAsync(new CreateDeliveryEventEvaluationRequest { Parent = $"events/{Missing}", Evaluation = DeliveryEvaluationTests.Host() }).ResponseAsync),
            ("follow-up", () => ghana.RecordEvaluationFollowUpAsync(new RecordEvaluationFollowUpRequest { Name = evaluation.Name, FollowUp = new EvaluationFollowUp { Behaviour = 4 } }).ResponseAsync,
                () => ghana.RecordEvaluationFollowUpAsync(new RecordEvaluationFollowUpRequest { Name = $"{kenyan.Name}/evaluations/{Missing}", FollowUp = new EvaluationFollowUp { Behaviour = 4 } }).ResponseAsync),
            ("event summary", () => ghana.GetDeliveryEvaluationSummaryAsync(new GetDeliveryEvaluationSummaryRequest { Name = $"{kenyan.Name}/evaluationSummary" }).ResponseAsync,
                () => ghana.GetDeliveryEvaluationSummaryAsync(new GetDeliveryEvaluationSummaryRequest { Name = $"events/{Missing}/evaluationSummary" }).ResponseAsync),
            ("request summary", () => ghana.GetDeliveryEvaluationSummaryAsync(new GetDeliveryEvaluationSummaryRequest { Name = $"{kenyan.AssistanceRequest}/evaluationSummary" }).ResponseAsync,
                () => ghana.GetDeliveryEvaluationSummaryAsync(new GetDeliveryEvaluationSummaryRequest { Name = $"requests/{Missing}/evaluationSummary" }).ResponseAsync),
        ];

        foreach (var (path, foreign, absent) in paths)
        {
            var refused = await RichErrors.FailsWith(StatusCode.NotFound, foreign);
            var missing = await RichErrors.FailsWith(StatusCode.NotFound, absent);
            Assert.True(missing.ErrorInfo()?.Reason == refused.ErrorInfo()?.Reason, path);
        }
    }

    [Fact]
    public async Task A_member_state_lists_and_reads_its_own_countrys_events_only()
    {
        var own = await setup.DeliveredEventAsync("GHA");
        var foreign = await setup.DeliveredEventAsync("KEN");
        var ghana = setup.As(CallerRole.MemberState, "GHA");

        var read = (await ghana.GetDeliveryEventAsync(new GetDeliveryEventRequest { Name = own.Name })).DeliveryEvent;
        var all = await ghana.ListDeliveryEventsAsync(new ListDeliveryEventsRequest { PageSize = 500 });
        var ofForeignRequest = await ghana.ListDeliveryEventsAsync(new ListDeliveryEventsRequest { AssistanceRequest = foreign.AssistanceRequest });
        var ofOwnRequest = await ghana.ListDeliveryEventsAsync(new ListDeliveryEventsRequest { AssistanceRequest = own.AssistanceRequest });
        var summary = await ghana.GetDeliveryEvaluationSummaryAsync(new GetDeliveryEvaluationSummaryRequest { Name = $"{own.AssistanceRequest}/evaluationSummary" });

        Assert.Equal(own.Name, read.Name);
        Assert.Contains(all.DeliveryEvents, deliveryEvent => deliveryEvent.Name == own.Name);
        Assert.All(all.DeliveryEvents, deliveryEvent => Assert.Equal("GHA", deliveryEvent.RequestingState));
        Assert.Empty(ofForeignRequest.DeliveryEvents);
        Assert.Equal([own.Name], ofOwnRequest.DeliveryEvents.Select(deliveryEvent => deliveryEvent.Name));
        Assert.Equal(0, summary.EvaluationSummary.EvaluationCount);
    }

    [Theory]
    [InlineData(CallerRole.MemberState)]
    [InlineData(CallerRole.Donor)]
    [InlineData(CallerRole.Auditor)]
    public async Task Only_coordinators_plan_and_move_events(CallerRole role)
    {
        var request = await setup.RequestAsync("GHA");
        var planned = await setup.EventAsync(request.Name, DeliverySetup.LastYear);
        var caller = setup.As(role, "GHA");

        await RichErrors.FailsWith(StatusCode.PermissionDenied, () => caller.CreateDeliveryEventAsync(new CreateDeliveryEventRequest
        {
            DeliveryEvent = DeliverySetup.Workshop(request.Name, DeliverySetup.LastYear),
        }).ResponseAsync);
        await RichErrors.FailsWith(StatusCode.PermissionDenied, () => caller.ConfirmDeliveryEventAsync(new ConfirmDeliveryEventRequest { Name = planned.Name }).ResponseAsync);
        await RichErrors.FailsWith(StatusCode.PermissionDenied, () => caller.CancelDeliveryEventAsync(new CancelDeliveryEventRequest { Name = planned.Name, Reason = "No." }).ResponseAsync);
        await RichErrors.FailsWith(StatusCode.PermissionDenied, () => caller.CreateExpertAsync(new CreateExpertRequest { Expert = DeliverySetup.Expert() }).ResponseAsync);
    }

    [Fact]
    public async Task A_member_state_evaluates_its_own_event_as_its_participants_and_host()
    {
        var own = await setup.DeliveredEventAsync("GHA");
        var ghana = setup.As(CallerRole.MemberState, "GHA");

        var host = await ghana.CreateDeliveryEventEvaluationAsync(new CreateDeliveryEventEvaluationRequest { Parent = own.Name, Evaluation = DeliveryEvaluationTests.Host() });

        Assert.Equal(Respondent.HostInstitution, host.Evaluation.Respondent);
        Assert.StartsWith($"{own.Name}/evaluations/", host.Evaluation.Name, StringComparison.Ordinal);
    }
}

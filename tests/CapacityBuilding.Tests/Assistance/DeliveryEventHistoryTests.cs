using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.ServiceDefaults.Identity;
using CapacityBuilding.ServiceDefaults.Validation;
using CapacityBuilding.Tests.Infrastructure;
using Grpc.Core;
using Action = CapacityBuilding.Contracts.Assistance.V1.HistoryEntry.Types.Action;
using State = CapacityBuilding.Contracts.Assistance.V1.AssistanceRequest.Types.State;

namespace CapacityBuilding.Tests.Assistance;

/// <summary>
/// The training service reports the steps of its delivery events (RecordDeliveryEvent, as itself):
/// each step becomes one entry of the request's hash-chained history, with the event as its
/// subject, once however often it is sent, and only while the request is being delivered.
/// </summary>
[Collection(SuiteDefinition.Name)]
public sealed class DeliveryEventHistoryTests(SuiteFixture suite)
{
    private readonly AssistanceService.AssistanceServiceClient coordinator = RequestLifecycleDriver.Coordinator(suite, "delivery-coordinator");

    private readonly AssistanceService.AssistanceServiceClient training = new(suite.Channel(suite.AssistanceAddress, suite.ServiceTokens.MintFor("training")));

    [Fact]
    public async Task Each_step_is_an_entry_about_the_event_and_the_chain_still_verifies()
    {
        var request = await new RequestLifecycleDriver(coordinator).CreateInStateAsync(State.Approved);
        var workshop = NewEvent();

        var planned = await RecordAsync(request.Name, workshop, Action.EventPlan, "Workshop in Accra, 12-14 May");
        await new RequestLifecycleDriver(coordinator).ActAsync(request.Name, Action.StartDelivery);
        var delivered = await RecordAsync(request.Name, workshop, Action.EventDeliver);

        var history = await new RequestLifecycleDriver(coordinator).HistoryAsync(request.Name);
        Assert.Equal([Action.EventPlan, Action.StartDelivery, Action.EventDeliver], history.Skip(4).Select(entry => entry.Action));
        Assert.Equal([planned, delivered], [history[4], history[6]]);
        Assert.Equal((workshop, "Workshop in Accra, 12-14 May", "training"), (planned.Subject, planned.Reason, planned.Actor));
        Assert.Equal((State.Approved, State.Approved), (planned.FromState, planned.ToState));
        Assert.Equal((State.InDelivery, State.InDelivery), (delivered.FromState, delivered.ToState));
        Assert.Equal("", history[5].Subject);
        Assert.True((await coordinator.VerifyAssistanceRequestHistoryAsync(new VerifyAssistanceRequestHistoryRequest { Name = request.Name })).Intact);
    }

    [Fact]
    public async Task The_same_step_sent_again_answers_the_entry_recorded_the_first_time()
    {
        var request = await new RequestLifecycleDriver(coordinator).CreateInStateAsync(State.InDelivery);
        var mission = NewEvent();

        var first = await RecordAsync(request.Name, mission, Action.EventConfirm, "first report");
        var again = await RecordAsync(request.Name, mission, Action.EventConfirm, "redelivered report");
        var otherStep = await RecordAsync(request.Name, mission, Action.EventCancel, "host institution closed");

        Assert.Equal(first, again);
        Assert.Equal(first.Sequence + 1, otherStep.Sequence);
        Assert.Equal(otherStep.Sequence, (await new RequestLifecycleDriver(coordinator).HistoryAsync(request.Name)).Count);
    }

    /// <summary>The same step sent by many workers at once is recorded by one entry; every caller gets that entry.</summary>
    [Fact]
    public async Task The_same_step_sent_in_parallel_is_recorded_once()
    {
        var request = await new RequestLifecycleDriver(coordinator).CreateInStateAsync(State.InDelivery);
        var visit = NewEvent();
        var lengthBefore = (await new RequestLifecycleDriver(coordinator).HistoryAsync(request.Name)).Count;

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => RecordAsync(request.Name, visit, Action.EventPlan)));

        Assert.Single(answers.Distinct());
        var history = await new RequestLifecycleDriver(coordinator).HistoryAsync(request.Name);
        Assert.Equal(lengthBefore + 1, history.Count);
        Assert.True((await coordinator.VerifyAssistanceRequestHistoryAsync(new VerifyAssistanceRequestHistoryRequest { Name = request.Name })).Intact);
    }

    [Fact]
    public async Task A_step_changes_the_requests_etag_so_a_change_read_before_it_is_aborted()
    {
        var request = await new RequestLifecycleDriver(coordinator).CreateInStateAsync(State.Approved);

        await RecordAsync(request.Name, NewEvent(), Action.EventPlan);

        await RichErrors.FailsWith(StatusCode.Aborted, () => new RequestLifecycleDriver(coordinator).ActAsync(request.Name, Action.StartDelivery, request.Etag));
    }

    [Fact]
    public async Task Delivered_events_set_the_actual_dates_from_the_earliest_start_to_the_latest_end()
    {
        var request = await new RequestLifecycleDriver(coordinator).CreateInStateAsync(State.InDelivery);
        var (workshop, mission, visit) = (NewEvent(), NewEvent(), NewEvent());

        await RecordAsync(request.Name, workshop, Action.EventPlan, days: (new(2026, 1, 5), new(2026, 1, 7)));
        var planned = await GetAsync(request.Name);
        await RecordAsync(request.Name, workshop, Action.EventDeliver, days: (new(2026, 3, 10), new(2026, 3, 12)));
        await RecordAsync(request.Name, mission, Action.EventDeliver, days: (new(2026, 2, 1), new(2026, 2, 3)));
        await RecordAsync(request.Name, visit, Action.EventCancel, days: (new(2025, 1, 1), new(2027, 1, 1)));
        await RecordAsync(request.Name, mission, Action.EventConfirm);
        var delivered = await GetAsync(request.Name);
        await RecordAsync(request.Name, workshop, Action.EventDeliver, days: (new(2025, 6, 1), new(2027, 6, 1)));
        var again = await GetAsync(request.Name);

        Assert.Equal((null, null), (planned.ActualStartDate, planned.ActualEndDate));
        Assert.Equal((Day(2026, 2, 1), Day(2026, 3, 12)), (delivered.ActualStartDate, delivered.ActualEndDate));
        Assert.Equal(delivered, again);
        Assert.True((await coordinator.VerifyAssistanceRequestHistoryAsync(new VerifyAssistanceRequestHistoryRequest { Name = request.Name })).Intact);
    }

    [Theory]
    [InlineData(true, false, "end_date")]
    [InlineData(false, true, "start_date")]
    public async Task An_events_dates_come_together_and_in_order(bool withStart, bool withEnd, string violated)
    {
        var request = await new RequestLifecycleDriver(coordinator).CreateInStateAsync(State.InDelivery);
        var step = new RecordDeliveryEventRequest
        {
            Name = request.Name, Event = NewEvent(), Action = Action.EventDeliver,
            StartDate = withStart ? Day(2026, 3, 10) : null, EndDate = withEnd ? Day(2026, 3, 12) : null,
        };
        var reversed = new RecordDeliveryEventRequest { Name = request.Name, Event = NewEvent(), Action = Action.EventDeliver, StartDate = Day(2026, 3, 12), EndDate = Day(2026, 3, 10) };

        Assert.Equal([violated], (await RichErrors.FailsWith(StatusCode.InvalidArgument, () => training.RecordDeliveryEventAsync(step).ResponseAsync)).ViolatedFields());
        Assert.Equal(["end_date"], (await RichErrors.FailsWith(StatusCode.InvalidArgument, () => training.RecordDeliveryEventAsync(reversed).ResponseAsync)).ViolatedFields());
        Assert.Null((await GetAsync(request.Name)).ActualStartDate);
    }

    public static TheoryData<Action> NotSteps => [Action.Unspecified, Action.Complete, Action.Approve, Action.OfferAccept, Action.ResultsUpdate, (Action)99];

    [Theory]
    [MemberData(nameof(NotSteps))]
    public async Task An_action_that_is_not_an_event_step_is_refused(Action action)
    {
        var request = await new RequestLifecycleDriver(coordinator).CreateInStateAsync(State.Approved);

        var refusal = await RichErrors.FailsWith(StatusCode.InvalidArgument, () => RecordAsync(request.Name, NewEvent(), action));

        Assert.Equal(["action"], refusal.ViolatedFields());
    }

    [Theory]
    [InlineData("")]
    [InlineData("events/")]
    [InlineData("courses/0190f2b4c3a87c3e8b1d2a4f5e6d7c8b")]
    [InlineData("events/not-an-id")]
    public async Task An_event_that_is_not_an_event_name_is_refused(string eventName)
    {
        var request = await new RequestLifecycleDriver(coordinator).CreateInStateAsync(State.Approved);

        var refusal = await RichErrors.FailsWith(StatusCode.InvalidArgument, () => RecordAsync(request.Name, eventName, Action.EventPlan));

        Assert.Equal(["event"], refusal.ViolatedFields());
    }

    [Theory]
    [InlineData(State.Draft)]
    [InlineData(State.UnderReview)]
    [InlineData(State.Completed)]
    [InlineData(State.Withdrawn)]
    public async Task Steps_are_recorded_only_while_the_request_is_approved_or_in_delivery(State state)
    {
        var request = await new RequestLifecycleDriver(coordinator).CreateInStateAsync(state);

        var refusal = await RichErrors.FailsWith(StatusCode.FailedPrecondition, () => RecordAsync(request.Name, NewEvent(), Action.EventPlan));

        Assert.Equal("INVALID_STATE", refusal.ErrorInfo()!.Reason);
        Assert.Equal(state, (await coordinator.GetAssistanceRequestAsync(new GetAssistanceRequestRequest { Name = request.Name })).AssistanceRequest.State);
    }

    [Theory]
    [InlineData(CallerRole.Coordinator)]
    [InlineData(CallerRole.MemberState)]
    public async Task People_cannot_record_steps_only_services(CallerRole role)
    {
        var request = await new RequestLifecycleDriver(coordinator).CreateInStateAsync(State.Approved);
        var person = new AssistanceService.AssistanceServiceClient(
            suite.Channel(suite.GatewayGrpcAddress, suite.Tokens.Mint(role, "delivery-person", country: role == CallerRole.MemberState ? "GHA" : null)));

        await RichErrors.FailsWith(StatusCode.PermissionDenied, () => person.RecordDeliveryEventAsync(
            new RecordDeliveryEventRequest { Name = request.Name, Event = NewEvent(), Action = Action.EventPlan }).ResponseAsync);
    }

    [Fact]
    public async Task A_request_that_does_not_exist_is_not_found()
    {
        await RichErrors.FailsWith(StatusCode.NotFound, () => RecordAsync($"requests/{Guid.NewGuid():N}", NewEvent(), Action.EventPlan));
    }

    private async Task<HistoryEntry> RecordAsync(string request, string eventName, Action action, string reason = "", (DateOnly Start, DateOnly End)? days = null) =>
        (await training.RecordDeliveryEventAsync(new RecordDeliveryEventRequest
        {
            Name = request, Event = eventName, Action = action, Reason = reason,
            StartDate = CalendarDates.ToMessage(days?.Start), EndDate = CalendarDates.ToMessage(days?.End),
        })).HistoryEntry;

    private async Task<AssistanceRequest> GetAsync(string name) =>
        (await coordinator.GetAssistanceRequestAsync(new GetAssistanceRequestRequest { Name = name })).AssistanceRequest;

    private static Google.Type.Date Day(int year, int month, int day) => new() { Year = year, Month = month, Day = day };

    private static string NewEvent() => $"events/{Guid.CreateVersion7():N}";
}

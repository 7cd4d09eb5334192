using CapacityBuilding.Contracts.Common.V1;
using CapacityBuilding.Contracts.Training.V1;
using CapacityBuilding.Tests.Infrastructure;
using Grpc.Core;
using RequestState = CapacityBuilding.Contracts.Assistance.V1.AssistanceRequest.Types.State;
using State = CapacityBuilding.Contracts.Training.V1.DeliveryEvent.Types.State;

namespace CapacityBuilding.Tests.Delivery;

/// <summary>
/// A delivery event serves an approved request (or one in delivery), takes the request's country
/// from assistance, and lives PLANNED -> CONFIRMED -> DELIVERED, or is CANCELLED with a reason
/// from planned or confirmed; its experts are never on two events on the same day.
/// </summary>
[Collection(SuiteDefinition.Name)]
public sealed class DeliveryEventLifecycleTests(SuiteFixture suite)
{
    private readonly DeliverySetup setup = new(suite);

    [Fact]
    public async Task An_event_is_planned_for_an_approved_request_with_its_country_and_goes_through_its_life()
    {
        var expert = await setup.ExpertAsync();
        var request = await setup.RequestAsync("KEN");

        var planned = await setup.EventAsync(request.Name, DeliverySetup.LastYear, 3, expert.Name);
        var confirmed = (await setup.Training.ConfirmDeliveryEventAsync(new ConfirmDeliveryEventRequest { Name = planned.Name, Etag = planned.Etag })).DeliveryEvent;
        var delivered = (await setup.Training.CompleteDeliveryEventAsync(new CompleteDeliveryEventRequest { Name = planned.Name })).DeliveryEvent;

        Assert.Equal(State.Planned, planned.State);
        Assert.Equal("KEN", planned.RequestingState);
        Assert.Equal(request.Name, planned.AssistanceRequest);
        Assert.Equal([expert.Name], planned.Experts);
        Assert.Equal(State.Confirmed, confirmed.State);
        Assert.Equal(State.Delivered, delivered.State);
        var cancel = await RichErrors.FailsWith(StatusCode.FailedPrecondition, () => setup.Training.CancelDeliveryEventAsync(
            new CancelDeliveryEventRequest { Name = planned.Name, Reason = "Too late." }).ResponseAsync);
        Assert.Equal("INVALID_STATE", cancel.ErrorInfo()?.Reason);
    }

    [Theory]
    [InlineData(RequestState.Submitted)]
    [InlineData(RequestState.Rejected)]
    [InlineData(RequestState.Withdrawn)]
    public async Task A_request_that_is_not_approved_or_in_delivery_gets_no_event(RequestState state)
    {
        var request = await setup.RequestAsync("GHA", state);

        var failure = await RichErrors.FailsWith(StatusCode.FailedPrecondition, () => setup.EventAsync(request.Name, DeliverySetup.LastYear));

        Assert.Equal("REQUEST_NOT_OPEN_TO_DELIVERY", failure.ErrorInfo()?.Reason);
    }

    [Fact]
    public async Task A_missing_request_or_expert_is_not_found()
    {
        var request = await setup.RequestAsync();

        await RichErrors.FailsWith(StatusCode.NotFound, () => setup.EventAsync("requests/0123456789abcdef0123456789abcdef", DeliverySetup.LastYear));
        await RichErrors.FailsWith(StatusCode.NotFound, () => setup.EventAsync(request.Name, DeliverySetup.LastYear, 2, "experts/0123456789abcdef0123456789abcdef"));
    }

    [Fact]
    public async Task An_event_is_delivered_only_once_begun_and_skips_no_step()
    {
        var request = await setup.RequestAsync();
        var future = await setup.EventAsync(request.Name, DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(2));
        var past = await setup.EventAsync(request.Name, DeliverySetup.LastYear);

        var skipped = await RichErrors.FailsWith(StatusCode.FailedPrecondition, () => setup.Training.CompleteDeliveryEventAsync(new CompleteDeliveryEventRequest { Name = past.Name }).ResponseAsync);
        await setup.Training.ConfirmDeliveryEventAsync(new ConfirmDeliveryEventRequest { Name = future.Name });
        var early = await RichErrors.FailsWith(StatusCode.FailedPrecondition, () => setup.Training.CompleteDeliveryEventAsync(new CompleteDeliveryEventRequest { Name = future.Name }).ResponseAsync);

        Assert.Equal("INVALID_STATE", skipped.ErrorInfo()?.Reason);
        Assert.Equal("EVENT_NOT_STARTED", early.ErrorInfo()?.Reason);
    }

    [Fact]
    public async Task Cancelling_needs_a_reason_keeps_it_and_frees_the_experts()
    {
        var expert = await setup.ExpertAsync();
        var request = await setup.RequestAsync();
        var day = DeliverySetup.LastYear.AddMonths(4);
        var first = await setup.EventAsync(request.Name, day, 3, expert.Name);

        var clash = await RichErrors.FailsWith(StatusCode.FailedPrecondition, () => setup.EventAsync(request.Name, day.AddDays(2), 3, expert.Name));
        await RichErrors.FailsWith(StatusCode.InvalidArgument, () => setup.Training.CancelDeliveryEventAsync(new CancelDeliveryEventRequest { Name = first.Name, Reason = " " }).ResponseAsync);
        var cancelled = (await setup.Training.CancelDeliveryEventAsync(new CancelDeliveryEventRequest { Name = first.Name, Reason = "The host asked to postpone." })).DeliveryEvent;
        var second = await setup.EventAsync(request.Name, day.AddDays(2), 3, expert.Name);

        Assert.Equal("EXPERT_ALREADY_BOOKED", clash.ErrorInfo()?.Reason);
        Assert.Equal(first.Name, clash.ErrorInfo()?.Metadata["event"]);
        Assert.Equal(expert.Name, clash.ErrorInfo()?.Metadata["expert"]);
        Assert.Equal(State.Cancelled, cancelled.State);
        Assert.Equal("The host asked to postpone.", cancelled.CancelReason);
        Assert.Equal(State.Planned, second.State);
        var closed = await RichErrors.FailsWith(StatusCode.FailedPrecondition, () => setup.Training.UpdateDeliveryEventAsync(new UpdateDeliveryEventRequest
        {
            DeliveryEvent = new DeliveryEvent { Name = first.Name, Title = "Again" },
            UpdateMask = new() { Paths = { "title" } },
        }).ResponseAsync);
        Assert.Equal("EVENT_CLOSED", closed.ErrorInfo()?.Reason);
    }

    [Fact]
    public async Task Moving_an_event_onto_an_experts_other_booking_is_refused_and_moving_it_away_frees_the_days()
    {
        var expert = await setup.ExpertAsync();
        var request = await setup.RequestAsync();
        var day = DeliverySetup.LastYear.AddMonths(6);
        var first = await setup.EventAsync(request.Name, day, 2, expert.Name);
        var second = await setup.EventAsync(request.Name, day.AddDays(10), 2, expert.Name);

        var onto = await RichErrors.FailsWith(StatusCode.FailedPrecondition, () => Move(second, day.AddDays(1)));
        await Move(first, day.AddDays(20));
        var moved = await Move(second, day);

        Assert.Equal("EXPERT_ALREADY_BOOKED", onto.ErrorInfo()?.Reason);
        Assert.Equal(DeliverySetup.Day(day), moved.DeliveryEvent.StartDate);
    }

    [Fact]
    public async Task A_delivered_event_changes_its_participants_only_and_they_add_up()
    {
        var delivered = await setup.DeliveredEventAsync();
        var participants = new ParticipantCounts
        {
            Women = 12,
            Men = 9,
            OtherOrUndisclosed = 1,
            ByRole = { new RoleCount { Role = TargetAudience.Investigators, Count = 15 }, new RoleCount { Role = TargetAudience.Prosecutors, Count = 7 } },
        };

        var updated = (await setup.Training.UpdateDeliveryEventAsync(new UpdateDeliveryEventRequest
        {
            DeliveryEvent = new DeliveryEvent { Name = delivered.Name, Participants = participants },
            UpdateMask = new() { Paths = { "participants" } },
        })).DeliveryEvent;
        participants.ByRole[0].Count = 16;
        var tooMany = await RichErrors.FailsWith(StatusCode.InvalidArgument, () => setup.Training.UpdateDeliveryEventAsync(new UpdateDeliveryEventRequest
        {
            DeliveryEvent = new DeliveryEvent { Name = delivered.Name, Participants = participants },
            UpdateMask = new() { Paths = { "participants" } },
        }).ResponseAsync);
        var closed = await RichErrors.FailsWith(StatusCode.FailedPrecondition, () => setup.Training.UpdateDeliveryEventAsync(new UpdateDeliveryEventRequest
        {
            DeliveryEvent = new DeliveryEvent { Name = delivered.Name, Title = "Renamed" },
            UpdateMask = new() { Paths = { "title" } },
        }).ResponseAsync);

        Assert.Equal(22, updated.Participants.Total);
        Assert.Equal(["delivery_event.participants.by_role"], tooMany.ViolatedFields());
        Assert.Equal("EVENT_CLOSED", closed.ErrorInfo()?.Reason);
    }

    [Fact]
    public async Task An_event_needs_a_location_unless_online_and_days_in_order()
    {
        var request = await setup.RequestAsync();
        var workshop = DeliverySetup.Workshop(request.Name, DeliverySetup.LastYear);
        workshop.Location = "";
        workshop.EndDate = DeliverySetup.Day(DeliverySetup.LastYear.AddDays(-1));

        var failure = await RichErrors.FailsWith(StatusCode.InvalidArgument, () =>
            setup.Training.CreateDeliveryEventAsync(new CreateDeliveryEventRequest { DeliveryEvent = workshop }).ResponseAsync);

        Assert.Equal(["delivery_event.end_date", "delivery_event.location"], failure.ViolatedFields());
    }

    private Task<UpdateDeliveryEventResponse> Move(DeliveryEvent deliveryEvent, DateOnly start) =>
        setup.Training.UpdateDeliveryEventAsync(new UpdateDeliveryEventRequest
        {
            DeliveryEvent = new DeliveryEvent { Name = deliveryEvent.Name, StartDate = DeliverySetup.Day(start), EndDate = DeliverySetup.Day(start.AddDays(1)) },
            UpdateMask = new() { Paths = { "start_date", "end_date" } },
        }).ResponseAsync;
}

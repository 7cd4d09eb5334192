using CapacityBuilding.Contracts.Training.V1;
using CapacityBuilding.Tests.Infrastructure;
using Grpc.Core;
using State = CapacityBuilding.Contracts.Training.V1.SeatHold.Types.State;

namespace CapacityBuilding.Tests.Training;

/// <summary>
/// Seat holds keep seats for one country: held seats are nobody's until the hold is confirmed,
/// then its nationals take them first; released seats go back to the session and its waitlist.
/// </summary>
[Collection(SuiteDefinition.Name)]
public sealed class SeatHoldTests(SuiteFixture suite)
{
    private readonly SeatHoldSetup setup = new(suite);

    [Fact]
    public async Task A_held_seat_is_taken_by_no_one_until_the_hold_is_confirmed_then_by_its_countrys_nationals_first()
    {
        var session = await setup.Training.SessionAsync(seats: 3);
        var hold = await setup.HoldAsync(session, "GHA", 2);
        Assert.Equal((State.Held, 2, 0), (hold.State, hold.Seats, hold.SeatsUsed));
        Assert.Equal(2, (await setup.ReadAsync(session)).HeldSeatCount);

        var kenyan = await setup.EnrolAsync(session, "kenyan@police.example.org", "KEN");
        var ghanaianWhileHeld = await setup.EnrolAsync(session, "early@police.example.org", "GHA");
        Assert.Equal(EnrolmentState.Confirmed, kenyan.State);
        Assert.Equal("", kenyan.SeatHold);
        Assert.Equal(EnrolmentState.Waitlisted, ghanaianWhileHeld.State);

        var confirmed = await setup.ConfirmAsync(hold);
        Assert.Equal((State.Confirmed, 1), (confirmed.State, confirmed.SeatsUsed));
        var seatedOnConfirm = (await setup.Coordinator.GetEnrolmentAsync(new GetEnrolmentRequest { Name = ghanaianWhileHeld.Name })).Enrolment;
        Assert.Equal((EnrolmentState.Confirmed, hold.Name), (seatedOnConfirm.State, seatedOnConfirm.SeatHold));

        var otherKenyan = await setup.EnrolAsync(session, "kenyan2@police.example.org", "KEN");
        var ghanaian = await setup.EnrolAsync(session, "ghanaian@police.example.org", "GHA");
        Assert.Equal(EnrolmentState.Waitlisted, otherKenyan.State);
        Assert.Equal((EnrolmentState.Confirmed, hold.Name), (ghanaian.State, ghanaian.SeatHold));
        var full = await setup.ReadAsync(session);
        Assert.Equal((3, 0, 1), (full.ConfirmedCount, full.HeldSeatCount, full.WaitlistCount));
        Assert.Equal(2, (await setup.ReadAsync(hold)).SeatsUsed);
    }

    [Fact]
    public async Task Cancelling_an_enrolment_on_a_held_seat_gives_it_back_to_the_hold_not_to_the_waitlist()
    {
        var session = await setup.Training.SessionAsync(seats: 2);
        var hold = await setup.ConfirmAsync(await setup.HoldAsync(session, "GHA", 1));
        var ghanaian = await setup.EnrolAsync(session, "ghanaian@police.example.org", "GHA");
        await setup.EnrolAsync(session, "kenyan@police.example.org", "KEN");
        var waiting = await setup.EnrolAsync(session, "waiting@police.example.org", "KEN");
        Assert.Equal(EnrolmentState.Waitlisted, waiting.State);

        var cancelled = await setup.Coordinator.CancelEnrolmentAsync(new CancelEnrolmentRequest { Name = ghanaian.Name });

        Assert.Null(cancelled.PromotedEnrolment);
        Assert.Equal(0, (await setup.ReadAsync(hold)).SeatsUsed);
        var seats = await setup.ReadAsync(session);
        Assert.Equal((1, 1, 1), (seats.ConfirmedCount, seats.HeldSeatCount, seats.WaitlistCount));
    }

    [Fact]
    public async Task Releasing_a_hold_gives_its_unused_seats_to_the_waitlist_in_arrival_order_and_keeps_the_used_ones()
    {
        var session = await setup.Training.SessionAsync(seats: 3);
        var hold = await setup.ConfirmAsync(await setup.HoldAsync(session, "GHA", 3));
        var ghanaian = await setup.EnrolAsync(session, "ghanaian@police.example.org", "GHA");
        var first = await setup.EnrolAsync(session, "first@police.example.org", "KEN");
        var second = await setup.EnrolAsync(session, "second@police.example.org", "NGA");
        var third = await setup.EnrolAsync(session, "third@police.example.org", "KEN");

        var released = await setup.ReleaseAsync(hold);

        Assert.Equal((State.Released, 1), (released.State, released.SeatsUsed));
        var states = await Task.WhenAll(new[] { ghanaian, first, second, third }.Select(async enrolment =>
            (await setup.Coordinator.GetEnrolmentAsync(new GetEnrolmentRequest { Name = enrolment.Name })).Enrolment.State));
        Assert.Equal([EnrolmentState.Confirmed, EnrolmentState.Confirmed, EnrolmentState.Confirmed, EnrolmentState.Waitlisted], states);
        var seats = await setup.ReadAsync(session);
        Assert.Equal((3, 0, 1), (seats.ConfirmedCount, seats.HeldSeatCount, seats.WaitlistCount));
    }

    [Fact]
    public async Task A_hold_of_more_seats_than_are_free_is_refused_with_the_free_seats()
    {
        var session = await setup.Training.SessionAsync(seats: 4);
        await setup.EnrolAsync(session, "one@police.example.org", "KEN");
        await setup.HoldAsync(session, "NGA", 1);

        var failure = await RichErrors.FailsWith(StatusCode.FailedPrecondition, () => setup.HoldAsync(session, "GHA", 3));

        Assert.Equal("SEATS_UNAVAILABLE", failure.ErrorInfo()?.Reason);
        Assert.Equal("2", failure.ErrorInfo()?.Metadata["free_seats"]);
        Assert.Equal(State.Held, (await setup.HoldAsync(session, "GHA", 2)).State);
    }

    [Fact]
    public async Task Confirm_and_release_are_idempotent_and_a_released_hold_cannot_be_confirmed()
    {
        var session = await setup.Training.SessionAsync(seats: 5);
        var hold = await setup.HoldAsync(session, "GHA", 2);

        var confirmed = await setup.ConfirmAsync(hold);
        Assert.Equal(confirmed, await setup.ConfirmAsync(hold));
        var released = await setup.ReleaseAsync(hold);
        Assert.Equal(released, await setup.ReleaseAsync(hold));
        var failure = await RichErrors.FailsWith(StatusCode.FailedPrecondition, () => setup.ConfirmAsync(hold));

        Assert.Equal("SEAT_HOLD_RELEASED", failure.ErrorInfo()?.Reason);
        Assert.Equal((State.Released, 0), (released.State, (await setup.ReadAsync(session)).HeldSeatCount));
    }

    [Fact]
    public async Task A_retried_create_with_the_same_request_id_returns_the_first_hold_and_holds_its_seats_once()
    {
        var session = await setup.Training.SessionAsync(seats: 5);

        var holds = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => setup.HoldAsync(session, "GHA", 2, requestId: "offer-42")));

        Assert.Single(holds.Select(hold => hold.Name).Distinct());
        Assert.Equal(2, (await setup.ReadAsync(session)).HeldSeatCount);
    }
}

using CapacityBuilding.Contracts.Training.V1;
using CapacityBuilding.Tests.Infrastructure;
using Grpc.Core;
using State = CapacityBuilding.Contracts.Training.V1.SeatHold.Types.State;

namespace CapacityBuilding.Tests.Training;

/// <summary>
/// Held seats are counted in the same atomic step as enrolments: real parallel calls through the
/// gateway (and from the assistance service straight to training) against the real Redis never
/// hold or seat more than the capacity, and a confirm racing a release ends in one state.
/// </summary>
[Collection(SuiteDefinition.Name)]
public sealed class SeatHoldRaceTests(SuiteFixture suite)
{
    private static readonly string[] Countries = ["GHA", "KEN", "NGA", "VNM", "PRY"];

    private readonly SeatHoldSetup setup = new(suite);

    [Fact]
    public async Task Parallel_holds_and_enrolments_never_take_more_than_the_capacity()
    {
        const int Seats = 20;
        var session = await setup.Training.SessionAsync(seats: Seats);
        using var start = new SemaphoreSlim(0);
        var holds = Enumerable.Range(0, 30).Select(async i =>
        {
            await start.WaitAsync();
            try
            {
                return (Hold: await setup.HoldAsync(session, Countries[i % Countries.Length], 2), Refusal: (RpcException?)null);
            }
            catch (RpcException refusal) when (refusal.StatusCode == StatusCode.FailedPrecondition)
            {
                return (Hold: (SeatHold?)null, Refusal: refusal);
            }
        }).ToList();
        var enrolments = Enumerable.Range(0, 20).Select(async i =>
        {
            await start.WaitAsync();
            return await setup.EnrolAsync(session, TrainingSetup.Email(i), Countries[i % Countries.Length]);
        }).ToList();
        start.Release(50);
        var holdOutcomes = await Task.WhenAll(holds);
        var enrolled = await Task.WhenAll(enrolments);

        var held = holdOutcomes.Where(outcome => outcome.Hold is not null).Sum(outcome => outcome.Hold!.Seats);
        var confirmed = enrolled.Count(enrolment => enrolment.State == EnrolmentState.Confirmed);
        var seats = await setup.ReadAsync(session);
        Assert.Equal((confirmed, held), (seats.ConfirmedCount, seats.HeldSeatCount));
        Assert.True(confirmed + held <= Seats, $"{confirmed} enrolled and {held} held on {Seats} seats");
        var refusals = holdOutcomes.Where(outcome => outcome.Refusal is not null).Select(outcome => outcome.Refusal!).ToList();
        Assert.NotEmpty(refusals);
        Assert.All(refusals, refusal =>
        {
            Assert.Equal("SEATS_UNAVAILABLE", refusal.ErrorInfo()?.Reason);
            Assert.InRange(int.Parse(refusal.ErrorInfo()!.Metadata["free_seats"], System.Globalization.CultureInfo.InvariantCulture), 0, 1);
        });
        // Seats only ever got fewer: a refused hold of two leaves at most one, a waitlisted enrolment none.
        var free = Seats - confirmed - held;
        Assert.InRange(free, 0, enrolled.Any(enrolment => enrolment.State == EnrolmentState.Waitlisted) ? 0 : 1);
        Assert.Equal(seats.WaitlistCount, enrolled.Length - confirmed);
    }

    [Fact]
    public async Task Parallel_enrolments_of_the_holding_states_nationals_take_the_held_seats_and_the_free_ones_and_no_more()
    {
        const int Seats = 10;
        var session = await setup.Training.SessionAsync(seats: Seats);
        var hold = await setup.ConfirmAsync(await setup.HoldAsync(session, "GHA", 4));
        await setup.EnrolAsync(session, "kenyan.a@police.example.org", "KEN");
        await setup.EnrolAsync(session, "kenyan.b@police.example.org", "KEN");
        using var start = new SemaphoreSlim(0);

        var calls = Enumerable.Range(0, 40).Select(async i =>
        {
            await start.WaitAsync();
            return await setup.EnrolAsync(session, TrainingSetup.Email(i), i % 4 == 0 ? "KEN" : "GHA");
        }).ToList();
        start.Release(40);
        var enrolled = await Task.WhenAll(calls);

        var onHeldSeats = enrolled.Where(enrolment => enrolment.SeatHold.Length > 0).ToList();
        Assert.Equal(4, onHeldSeats.Count);
        Assert.All(onHeldSeats, enrolment => Assert.Equal((EnrolmentState.Confirmed, "GHA", hold.Name), (enrolment.State, enrolment.Nationality, enrolment.SeatHold)));
        var ghanaians = enrolled.Count(enrolment => enrolment.Nationality == "GHA" && enrolment.State == EnrolmentState.Confirmed);
        Assert.InRange(ghanaians, 4, 4 + 4);
        Assert.Equal(Seats - 2, enrolled.Count(enrolment => enrolment.State == EnrolmentState.Confirmed));
        var seats = await setup.ReadAsync(session);
        Assert.Equal((Seats, 0, 40 - (Seats - 2)), (seats.ConfirmedCount, seats.HeldSeatCount, seats.WaitlistCount));
        Assert.Equal((State.Confirmed, 4), ((await setup.ReadAsync(hold)).State, (await setup.ReadAsync(hold)).SeatsUsed));
    }

    [Fact]
    public async Task Parallel_confirms_and_parallel_releases_each_change_the_hold_once()
    {
        var session = await setup.Training.SessionAsync(seats: 6);
        var hold = await setup.HoldAsync(session, "GHA", 3);

        var confirmed = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => setup.ConfirmAsync(hold)));
        Assert.Single(confirmed.Distinct());
        Assert.Equal(State.Confirmed, confirmed[0].State);
        Assert.Equal(3, (await setup.ReadAsync(session)).HeldSeatCount);

        var released = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => setup.ReleaseAsync(hold)));
        Assert.Single(released.Distinct());
        Assert.Equal(State.Released, released[0].State);
        Assert.Equal(0, (await setup.ReadAsync(session)).HeldSeatCount);
        Assert.Equal(State.Held, (await setup.HoldAsync(session, "KEN", 6)).State);
    }

    [Fact]
    public async Task A_confirm_racing_a_release_ends_released_with_the_seats_counted_once()
    {
        const int Seats = 25;
        var session = await setup.Training.SessionAsync(seats: Seats);
        var holds = new List<SeatHold>();
        foreach (var country in Countries)
        {
            holds.Add(await setup.HoldAsync(session, country, 3));
        }

        // Each country's nationals wait for the held seats, so that a confirm that wins seats them.
        var waiting = new List<Enrolment>();
        for (var i = 0; i < Seats; i++)
        {
            waiting.Add(await setup.EnrolAsync(session, TrainingSetup.Email(i), Countries[i % Countries.Length]));
        }

        using var start = new SemaphoreSlim(0);
        var confirms = holds.Select(async hold =>
        {
            await start.WaitAsync();
            try
            {
                return await setup.ConfirmAsync(hold);
            }
            catch (RpcException refusal) when (refusal.ErrorInfo()?.Reason == "SEAT_HOLD_RELEASED")
            {
                return null;
            }
        }).ToList();
        var releases = holds.Select(async hold =>
        {
            await start.WaitAsync();
            return await setup.ReleaseAsync(hold);
        }).ToList();
        start.Release(holds.Count * 2);
        await Task.WhenAll(confirms);
        await Task.WhenAll(releases);

        var enrolments = (await setup.Coordinator.ListEnrolmentsAsync(new ListEnrolmentsRequest { Parent = session.Name, PageSize = 500 })).Enrolments;
        foreach (var (hold, confirm) in holds.Zip(confirms.Select(task => task.Result)))
        {
            var final = await setup.ReadAsync(hold);
            Assert.Equal(State.Released, final.State);
            Assert.Equal(enrolments.Count(enrolment => enrolment.SeatHold == hold.Name), final.SeatsUsed);
            Assert.True(confirm is not null || final.SeatsUsed == 0, $"{hold.Name} seated nationals without a confirm that won");
        }

        var seats = await setup.ReadAsync(session);
        Assert.Equal((Seats, 0, 0), (seats.ConfirmedCount, seats.HeldSeatCount, seats.WaitlistCount));
    }
}

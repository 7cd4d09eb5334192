using CapacityBuilding.Contracts.Training.V1;
using CapacityBuilding.Tests.Infrastructure;

namespace CapacityBuilding.Tests.Training;

/// <summary>
/// Seats are never overbooked: real parallel enrol calls through the gateway against the real
/// Redis. Arrival is the order in which Redis executed the enrol scripts, which each enrolment
/// reports as its <c>arrival</c> number.
/// </summary>
[Collection(SuiteDefinition.Name)]
public sealed class EnrolmentRaceTests(SuiteFixture suite)
{
    private const int Seats = 20;
    private const int Callers = 200;

    private readonly TrainingService.TrainingServiceClient training = new(suite.Gateway);

    [Fact]
    public async Task Two_hundred_parallel_enrolments_on_twenty_seats_confirm_twenty_and_waitlist_the_rest_in_arrival_order()
    {
        var setup = new TrainingSetup(training);
        var session = await setup.SessionAsync(Seats);
        using var start = new SemaphoreSlim(0);

        var calls = Enumerable.Range(0, Callers).Select(async i =>
        {
            await start.WaitAsync();
            return await setup.EnrolAsync(session, TrainingSetup.Email(i));
        }).ToList();
        start.Release(Callers);
        var enrolments = await Task.WhenAll(calls);

        var confirmed = enrolments.Where(e => e.State == EnrolmentState.Confirmed).ToList();
        var waitlisted = enrolments.Where(e => e.State == EnrolmentState.Waitlisted).ToList();
        Assert.Equal(Seats, confirmed.Count);
        Assert.Equal(Callers - Seats, waitlisted.Count);
        Assert.Equal(Enumerable.Range(1, Callers).Select(n => (long)n), enrolments.Select(e => e.Arrival).Order());
        Assert.Equal(Enumerable.Range(1, Seats).Select(n => (long)n), confirmed.Select(e => e.Arrival).Order());
        Assert.Equal(Enumerable.Range(1, Callers - Seats), waitlisted.Select(e => e.WaitlistPosition).Order());
        Assert.All(waitlisted, e => Assert.Equal(e.Arrival - Seats, e.WaitlistPosition));

        var stored = (await training.GetSessionAsync(new GetSessionRequest { Name = session.Name })).Session;
        Assert.Equal(Seats, stored.ConfirmedCount);
        Assert.Equal(Callers - Seats, stored.WaitlistCount);

        var listed = await ListAllAsync(session.Name);
        Assert.Equal(Enumerable.Range(1, Callers).Select(n => (long)n), listed.Select(e => e.Arrival));
        Assert.Equal(
            waitlisted.OrderBy(e => e.Arrival).Select(e => (e.Name, e.WaitlistPosition)),
            listed.Where(e => e.State == EnrolmentState.Waitlisted).Select(e => (e.Name, e.WaitlistPosition)));
    }

    [Fact]
    public async Task Parallel_cancellations_and_enrolments_never_overbook_and_promote_the_waitlist_in_arrival_order()
    {
        var setup = new TrainingSetup(training);
        var session = await setup.SessionAsync(Seats);
        var first = new List<Enrolment>();
        for (var i = 0; i < Seats + 15; i++)
        {
            first.Add(await setup.EnrolAsync(session, TrainingSetup.Email(i)));
        }

        var cancelled = first.Take(10).ToList();
        using var start = new SemaphoreSlim(0);
        var cancellations = cancelled.Select(async enrolment =>
        {
            await start.WaitAsync();
            return await training.CancelEnrolmentAsync(new CancelEnrolmentRequest { Name = enrolment.Name });
        }).ToList();
        var newcomers = Enumerable.Range(1000, 10).Select(async i =>
        {
            await start.WaitAsync();
            return await setup.EnrolAsync(session, TrainingSetup.Email(i));
        }).ToList();
        start.Release(20);
        var promoted = (await Task.WhenAll(cancellations)).Select(response => response.PromotedEnrolment.Name).ToHashSet();
        await Task.WhenAll(newcomers);

        var waitlistedBefore = first.Where(e => e.State == EnrolmentState.Waitlisted).OrderBy(e => e.Arrival).Select(e => e.Name).ToList();
        Assert.Equal(waitlistedBefore.Take(10).ToHashSet(), promoted);
        var listed = await ListAllAsync(session.Name);
        Assert.Equal(Seats, listed.Count(e => e.State == EnrolmentState.Confirmed));
        var queue = listed.Where(e => e.State == EnrolmentState.Waitlisted).ToList();
        Assert.Equal(Enumerable.Range(1, queue.Count), queue.Select(e => e.WaitlistPosition));
        Assert.Equal(queue.OrderBy(e => e.Arrival).Select(e => e.Name), queue.Select(e => e.Name));
        Assert.Equal(15, queue.Count);
    }

    [Fact]
    public async Task Parallel_enrolments_of_one_participant_keep_one_and_refuse_the_others()
    {
        var setup = new TrainingSetup(training);
        var session = await setup.SessionAsync(seats: 5);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 20).Select(async _ =>
        {
            try
            {
                return (await setup.EnrolAsync(session, "Same.Person@police.example.org")).Name;
            }
            catch (Grpc.Core.RpcException e) when (e.StatusCode == Grpc.Core.StatusCode.AlreadyExists)
            {
                return null;
            }
        }));

        Assert.Single(outcomes, name => name is not null);
        var stored = (await training.GetSessionAsync(new GetSessionRequest { Name = session.Name })).Session;
        Assert.Equal((1, 0), (stored.ConfirmedCount, stored.WaitlistCount));
    }

    private async Task<List<Enrolment>> ListAllAsync(string session)
    {
        var all = new List<Enrolment>();
        var token = "";
        do
        {
            var page = await training.ListEnrolmentsAsync(new ListEnrolmentsRequest { Parent = session, PageSize = 37, PageToken = token });
            all.AddRange(page.Enrolments);
            token = page.NextPageToken;
        }
        while (token.Length > 0);

        return all;
    }
}

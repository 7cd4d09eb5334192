using CapacityBuilding.Contracts.Training.V1;
using CapacityBuilding.Tests.Infrastructure;
using Grpc.Core;

namespace CapacityBuilding.Tests.Delivery;

/// <summary>
/// An expert is never booked on two events whose days overlap: real parallel calls through the
/// gateway against the real Redis, as the seat races do; the booking check and the booking are
/// one Lua script.
/// </summary>
[Collection(SuiteDefinition.Name)]
public sealed class ExpertBookingRaceTests(SuiteFixture suite)
{
    private const int Callers = 40;

    private readonly DeliverySetup setup = new(suite);

    [Fact]
    public async Task Forty_parallel_events_with_one_expert_on_overlapping_days_book_the_expert_once()
    {
        var expert = await setup.ExpertAsync();
        var request = await setup.RequestAsync();
        var day = DeliverySetup.LastYear.AddMonths(8);
        using var start = new SemaphoreSlim(0);

        var calls = Enumerable.Range(0, Callers).Select(async i =>
        {
            await start.WaitAsync();
            // Each event overlaps every other one: they all cover day + 5.
            return await Outcome(() => setup.EventAsync(request.Name, day.AddDays(i % 5 + 1), 5, expert.Name));
        }).ToList();
        start.Release(Callers);
        var outcomes = await Task.WhenAll(calls);

        Assert.Single(outcomes, outcome => outcome == "OK");
        Assert.All(outcomes.Where(outcome => outcome != "OK"), outcome => Assert.Equal("EXPERT_ALREADY_BOOKED", outcome));
    }

    [Fact]
    public async Task Parallel_moves_of_events_onto_the_same_days_leave_the_expert_on_one_of_them()
    {
        var expert = await setup.ExpertAsync();
        var request = await setup.RequestAsync();
        var day = DeliverySetup.LastYear.AddMonths(9);
        var events = new List<DeliveryEvent>();
        for (var i = 0; i < 10; i++)
        {
            events.Add(await setup.EventAsync(request.Name, day.AddDays(10 * (i + 1)), 2, expert.Name));
        }

        using var start = new SemaphoreSlim(0);
        var moves = events.Select(async deliveryEvent =>
        {
            await start.WaitAsync();
            return await Outcome(() => setup.Training.UpdateDeliveryEventAsync(new UpdateDeliveryEventRequest
            {
                DeliveryEvent = new DeliveryEvent { Name = deliveryEvent.Name, StartDate = DeliverySetup.Day(day), EndDate = DeliverySetup.Day(day.AddDays(1)) },
                UpdateMask = new() { Paths = { "start_date", "end_date" } },
            }).ResponseAsync);
        }).ToList();
        start.Release(events.Count);
        var outcomes = await Task.WhenAll(moves);

        Assert.Single(outcomes, outcome => outcome == "OK");
        var stored = await Task.WhenAll(events.Select(async deliveryEvent => (await setup.Training.GetDeliveryEventAsync(new GetDeliveryEventRequest { Name = deliveryEvent.Name })).DeliveryEvent));
        Assert.Single(stored, deliveryEvent => deliveryEvent.StartDate.Equals(DeliverySetup.Day(day)));
    }

    private static async Task<string> Outcome(Func<Task> call)
    {
        try
        {
            await call();
            return "OK";
        }
        catch (RpcException exception) when (exception.StatusCode == StatusCode.FailedPrecondition)
        {
            return exception.ErrorInfo()?.Reason ?? "";
        }
    }
}

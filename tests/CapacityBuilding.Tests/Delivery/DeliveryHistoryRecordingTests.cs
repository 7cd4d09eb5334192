using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.Contracts.Training.V1;
using CapacityBuilding.Testing;
using CapacityBuilding.Tests.Assistance;
using CapacityBuilding.Tests.Infrastructure;
using HistoryAction = CapacityBuilding.Contracts.Assistance.V1.HistoryEntry.Types.Action;

namespace CapacityBuilding.Tests.Delivery;

/// <summary>
/// Each step of an event's life reaches its request's history in order, and a step assistance
/// cannot record when it is made is kept with the event and sent again in the background until it
/// is recorded: never lost, never failing the coordinator's call.
/// </summary>
[Collection(SuiteDefinition.Name)]
public sealed class DeliveryHistoryRecordingTests(SuiteFixture suite)
{
    [Fact]
    public async Task Steps_assistance_refused_wait_with_the_event_and_reach_the_history_in_order_once_it_answers()
    {
        await using var assistance = await AssistanceStandIn.StartAsync();
        var address = SuiteFixture.Loopback(FreePort.Next());
        var process = await suite.StartExtraServiceAsync("training", address, assistance.TrainingConfiguration(suite));
        try
        {
            var setup = new DeliverySetup(suite, new TrainingService.TrainingServiceClient(suite.Channel(address)));
            var request = $"requests/{Guid.NewGuid():N}";

            var planned = await setup.EventAsync(request, DeliverySetup.LastYear);
            var confirmed = (await setup.Training.ConfirmDeliveryEventAsync(new ConfirmDeliveryEventRequest { Name = planned.Name })).DeliveryEvent;
            var cancelled = (await setup.Training.CancelDeliveryEventAsync(new CancelDeliveryEventRequest { Name = planned.Name, Reason = "Flights cancelled." })).DeliveryEvent;
            assistance.Refusing = false;
            var recorded = await WaitUntilRecordedAsync(setup.Training, planned.Name);

            Assert.Equal((1, 2, 3), (planned.UnrecordedSteps, confirmed.UnrecordedSteps, cancelled.UnrecordedSteps));
            Assert.Equal(DeliveryEvent.Types.State.Cancelled, cancelled.State);
            Assert.Equal(0, recorded.UnrecordedSteps);
            // The worker may repeat a step whose answer it did not wait for; assistance records it once.
            var steps = assistance.Recorded.Where(step => step.Event == planned.Name).DistinctBy(step => step.Action).ToList();
            Assert.Equal([HistoryAction.EventPlan, HistoryAction.EventConfirm, HistoryAction.EventCancel], steps.Select(step => step.Action));
            Assert.All(steps, step => Assert.Equal(request, step.Name));
            Assert.Equal("Flights cancelled.", steps[^1].Reason);
        }
        finally
        {
            await process.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_step_assistance_records_at_once_leaves_nothing_unrecorded()
    {
        await using var assistance = await AssistanceStandIn.StartAsync();
        assistance.Refusing = false;
        var address = SuiteFixture.Loopback(FreePort.Next());
        var process = await suite.StartExtraServiceAsync("training", address, assistance.TrainingConfiguration(suite));
        try
        {
            var setup = new DeliverySetup(suite, new TrainingService.TrainingServiceClient(suite.Channel(address)));

            var planned = await setup.EventAsync($"requests/{Guid.NewGuid():N}", DeliverySetup.LastYear);

            Assert.Equal(0, planned.UnrecordedSteps);
            Assert.Equal([HistoryAction.EventPlan], assistance.Recorded.Where(step => step.Event == planned.Name).Select(step => step.Action).Distinct());
        }
        finally
        {
            await process.DisposeAsync();
        }
    }

    [Fact]
    public async Task Each_step_of_an_event_is_an_entry_of_its_requests_history_naming_the_event()
    {
        var setup = new DeliverySetup(suite);
        var request = await setup.RequestAsync();

        var planned = await setup.EventAsync(request.Name, DeliverySetup.LastYear);
        var confirmed = (await setup.Training.ConfirmDeliveryEventAsync(new ConfirmDeliveryEventRequest { Name = planned.Name })).DeliveryEvent;
        var cancelled = (await setup.Training.CancelDeliveryEventAsync(new CancelDeliveryEventRequest { Name = planned.Name, Reason = "The host asked to postpone." })).DeliveryEvent;

        Assert.Equal((0, 0, 0), (planned.UnrecordedSteps, confirmed.UnrecordedSteps, cancelled.UnrecordedSteps));
        var history = await new RequestLifecycleDriver(new AssistanceService.AssistanceServiceClient(suite.Gateway)).HistoryAsync(request.Name);
        var steps = history.Where(entry => entry.Subject == planned.Name).ToList();
        Assert.Equal([HistoryAction.EventPlan, HistoryAction.EventConfirm, HistoryAction.EventCancel], steps.Select(entry => entry.Action));
        Assert.Equal("The host asked to postpone.", steps[^1].Reason);
    }

    private static async Task<DeliveryEvent> WaitUntilRecordedAsync(TrainingService.TrainingServiceClient training, string name)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var current = (await training.GetDeliveryEventAsync(new GetDeliveryEventRequest { Name = name })).DeliveryEvent;
            if (current.UnrecordedSteps == 0 || DateTime.UtcNow > deadline)
            {
                return current;
            }

            await Task.Delay(200);
        }
    }
}

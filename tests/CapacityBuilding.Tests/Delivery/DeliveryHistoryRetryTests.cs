using CapacityBuilding.Contracts.Training.V1;
using CapacityBuilding.Testing;
using CapacityBuilding.Tests.Infrastructure;
using Grpc.Core;
using HistoryAction = CapacityBuilding.Contracts.Assistance.V1.HistoryEntry.Types.Action;
using SyncState = CapacityBuilding.Contracts.Training.V1.DeliveryEvent.Types.HistorySync.Types.State;

namespace CapacityBuilding.Tests.Delivery;

/// <summary>
/// How the history worker treats assistance's refusals of a step: one that retrying cannot mend
/// (FAILED_PRECONDITION, NOT_FOUND, INVALID_ARGUMENT, PERMISSION_DENIED) parks the event, shown on
/// it, and is not sent again until the event's next step; one that may pass (UNAVAILABLE and the
/// like) is sent again after a delay that doubles up to a ceiling.
/// </summary>
[Collection(SuiteDefinition.Name)]
public sealed class DeliveryHistoryRetryTests(SuiteFixture suite)
{
    public static TheoryData<StatusCode> ForGood => [StatusCode.FailedPrecondition, StatusCode.NotFound, StatusCode.InvalidArgument, StatusCode.PermissionDenied];

    [Theory]
    [MemberData(nameof(ForGood))]
    public async Task A_step_refused_for_good_parks_the_event_is_not_retried_and_goes_with_the_events_next_step(StatusCode refusal)
    {
        await using var assistance = await AssistanceStandIn.StartAsync();
        assistance.RefusalCode = refusal;
        await using var training = await StartTrainingAsync(assistance, maxRetryInterval: "00:00:04");
        var setup = new DeliverySetup(suite, training.Client);

        var planned = await setup.EventAsync($"requests/{Guid.NewGuid():N}", DeliverySetup.LastYear);
        // Several worker intervals (1 s) pass: a parked event is not sent again.
        await Task.Delay(TimeSpan.FromSeconds(3.5));
        var later = (await setup.Training.GetDeliveryEventAsync(new GetDeliveryEventRequest { Name = planned.Name })).DeliveryEvent;
        var attemptsWhileParked = assistance.Attempts.Where(attempt => attempt.Event == planned.Name).Select(attempt => attempt.Action).ToList();
        assistance.Refusing = false;
        var confirmed = (await setup.Training.ConfirmDeliveryEventAsync(new ConfirmDeliveryEventRequest { Name = planned.Name })).DeliveryEvent;

        // On a loaded machine the worker may try a step whose own call is slow, at the same time: both count.
        Assert.Equal((SyncState.Parked, 1), (planned.HistorySync.State, planned.UnrecordedSteps));
        Assert.InRange(planned.HistorySync.Attempts, 1, 2);
        Assert.StartsWith(System.Text.Json.JsonNamingPolicy.SnakeCaseUpper.ConvertName(refusal.ToString()) + ": The stand-in refuses.", planned.HistorySync.FailureReason);
        Assert.Null(planned.HistorySync.NextRetryTime);
        Assert.Equal(planned.HistorySync, later.HistorySync);
        // Nothing was sent once it was parked.
        Assert.Equal(Enumerable.Repeat(HistoryAction.EventPlan, planned.HistorySync.Attempts), attemptsWhileParked);
        Assert.Equal((SyncState.Recorded, 0, "", 0), (confirmed.HistorySync.State, confirmed.HistorySync.Attempts, confirmed.HistorySync.FailureReason, confirmed.UnrecordedSteps));
        Assert.Equal([HistoryAction.EventPlan, HistoryAction.EventConfirm], assistance.Recorded.Where(step => step.Event == planned.Name).Select(step => step.Action));
    }

    [Fact]
    public async Task A_step_that_cannot_be_recorded_now_is_retried_after_a_delay_that_doubles_up_to_the_ceiling()
    {
        await using var assistance = await AssistanceStandIn.StartAsync();
        await using var training = await StartTrainingAsync(assistance, maxRetryInterval: "00:00:04");
        var setup = new DeliverySetup(suite, training.Client);

        var planned = await setup.EventAsync($"requests/{Guid.NewGuid():N}", DeliverySetup.LastYear);
        var seen = new Dictionary<int, DeliveryEvent.Types.HistorySync> { [planned.HistorySync.Attempts] = planned.HistorySync };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (seen.Keys.Max() < 5 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
            var sync = (await setup.Training.GetDeliveryEventAsync(new GetDeliveryEventRequest { Name = planned.Name })).DeliveryEvent.HistorySync;
            seen.TryAdd(sync.Attempts, sync);
        }

        assistance.Refusing = false;
        var attemptsBefore = assistance.Attempts.Count(attempt => attempt.Event == planned.Name);

        Assert.True(seen.Keys.Max() >= 5, $"attempts seen: {string.Join(", ", seen.Keys)}");
        // The invocation layer words an unreachable app's refusal itself; the code is what counts.
        Assert.All(seen.Values, sync => Assert.Equal((SyncState.Retrying, true), (sync.State, sync.FailureReason.StartsWith("UNAVAILABLE: ", StringComparison.Ordinal))));
        // 1 s after the first failure, then 2 s, then the 4 s ceiling.
        var delays = seen.OrderBy(entry => entry.Key).Select(entry => (entry.Key, (entry.Value.NextRetryTime.ToDateTimeOffset() - entry.Value.FailureTime.ToDateTimeOffset()).TotalSeconds));
        Assert.All(delays, delay => Assert.Equal(Math.Min(Math.Pow(2, delay.Key - 1), 4), delay.TotalSeconds));
        // Each failed attempt was one call, none sent early.
        Assert.InRange(attemptsBefore, seen.Keys.Max(), seen.Keys.Max() + 1);
    }

    [Fact]
    public async Task A_step_refused_because_its_request_is_suspended_is_retried_not_parked_and_lands_once_the_request_is_resumed()
    {
        await using var assistance = await AssistanceStandIn.StartAsync();
        assistance.RefusalCode = StatusCode.FailedPrecondition;
        assistance.RefusalReason = "REQUEST_SUSPENDED";
        await using var training = await StartTrainingAsync(assistance, maxRetryInterval: "00:00:02");
        var setup = new DeliverySetup(suite, training.Client);

        var planned = await setup.EventAsync($"requests/{Guid.NewGuid():N}", DeliverySetup.LastYear);
        // Several worker intervals (1 s) pass: the step is sent again while the request stays suspended.
        await Task.Delay(TimeSpan.FromSeconds(3.5));
        var waiting = (await setup.Training.GetDeliveryEventAsync(new GetDeliveryEventRequest { Name = planned.Name })).DeliveryEvent;
        assistance.Refusing = false;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        var recorded = waiting;
        while (recorded.HistorySync.State != SyncState.Recorded && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
            recorded = (await setup.Training.GetDeliveryEventAsync(new GetDeliveryEventRequest { Name = planned.Name })).DeliveryEvent;
        }

        Assert.Equal(SyncState.Retrying, waiting.HistorySync.State);
        Assert.True(waiting.HistorySync.Attempts >= 2, $"attempts: {waiting.HistorySync.Attempts}");
        Assert.StartsWith("FAILED_PRECONDITION: ", waiting.HistorySync.FailureReason, StringComparison.Ordinal);
        Assert.Equal((SyncState.Recorded, 0), (recorded.HistorySync.State, recorded.UnrecordedSteps));
        Assert.Equal([HistoryAction.EventPlan], assistance.Recorded.Where(step => step.Event == planned.Name).Select(step => step.Action));
    }

    private async Task<TrainingUnderTest> StartTrainingAsync(AssistanceStandIn assistance, string maxRetryInterval)
    {
        var address = SuiteFixture.Loopback(FreePort.Next());
        var configuration = assistance.TrainingConfiguration(suite);
        configuration["Delivery__History__MaxRetryInterval"] = maxRetryInterval;
        var process = await suite.StartExtraServiceAsync("training", address, configuration);
        return new TrainingUnderTest(process, new TrainingService.TrainingServiceClient(suite.Channel(address)));
    }

    private sealed record TrainingUnderTest(IAsyncDisposable Process, TrainingService.TrainingServiceClient Client) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Process.DisposeAsync();
    }
}

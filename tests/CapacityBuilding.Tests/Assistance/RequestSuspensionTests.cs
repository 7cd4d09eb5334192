using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.Contracts.Common.V1;
using CapacityBuilding.ServiceDefaults.Identity;
using CapacityBuilding.Tests.Infrastructure;
using Grpc.Core;
using Action = CapacityBuilding.Contracts.Assistance.V1.HistoryEntry.Types.Action;
using State = CapacityBuilding.Contracts.Assistance.V1.AssistanceRequest.Types.State;

namespace CapacityBuilding.Tests.Assistance;

/// <summary>
/// Suspending a request and resuming it: coordinators only, from approved or in delivery, with a
/// reason on the hash-chained history; resuming returns it to the state it left. While suspended
/// the work stops (delivery steps, course matching) with REQUEST_SUSPENDED, and the request is
/// listed, counted and covered as the issue says. Which (state, action) pairs are allowed is
/// <see cref="RequestLifecycleTests"/>' table.
/// </summary>
[Collection(SuiteDefinition.Name)]
public sealed class RequestSuspensionTests(SuiteFixture suite)
{
    // A country no other test files requests for, so its counters are this class's alone.
    private const string CountedCountry = "TZA";

    private readonly AssistanceService.AssistanceServiceClient coordinator = RequestLifecycleDriver.Coordinator(suite, "suspension-coordinator");

    private RequestLifecycleDriver Driver => new(coordinator);

    [Fact]
    public async Task A_request_in_delivery_is_suspended_with_its_reason_and_resumes_to_delivery_and_the_history_verifies()
    {
        var request = await Driver.CreateInStateAsync(State.InDelivery);

        var suspended = (await coordinator.SuspendAssistanceRequestAsync(new SuspendAssistanceRequestRequest
        {
            Name = request.Name, Etag = request.Etag, Reason = "Security situation in the north: missions are paused.",
        })).AssistanceRequest;
        var resumed = (await coordinator.ResumeAssistanceRequestAsync(new ResumeAssistanceRequestRequest
        {
            Name = request.Name, Etag = suspended.Etag, Reason = "Missions may travel again.",
        })).AssistanceRequest;

        Assert.Equal((State.Suspended, State.InDelivery), (suspended.State, suspended.SuspendedFrom));
        Assert.Equal((State.InDelivery, State.Unspecified), (resumed.State, resumed.SuspendedFrom));
        var history = await Driver.HistoryAsync(request.Name);
        Assert.Equal(
            [(Action.Suspend, State.InDelivery, State.Suspended, "Security situation in the north: missions are paused.", "suspension-coordinator"),
             (Action.Resume, State.Suspended, State.InDelivery, "Missions may travel again.", "suspension-coordinator")],
            history.TakeLast(2).Select(entry => (entry.Action, entry.FromState, entry.ToState, entry.Reason, entry.Actor)));
        Assert.True((await coordinator.VerifyAssistanceRequestHistoryAsync(new VerifyAssistanceRequestHistoryRequest { Name = request.Name })).Intact);
    }

    [Fact]
    public async Task A_stale_etag_is_aborted_on_suspending_and_on_resuming()
    {
        var request = await Driver.CreateInStateAsync(State.Approved);
        var suspended = await Driver.ActAsync(request.Name, Action.Suspend);

        var staleResume = await RichErrors.FailsWith(StatusCode.Aborted, () => Driver.ActAsync(request.Name, Action.Resume, etag: request.Etag));
        var resumed = await Driver.ActAsync(request.Name, Action.Resume, etag: suspended.Etag);
        var staleSuspend = await RichErrors.FailsWith(StatusCode.Aborted, () => Driver.ActAsync(request.Name, Action.Suspend, etag: suspended.Etag));

        Assert.Equal(("ETAG_MISMATCH", "ETAG_MISMATCH"), (staleResume.ErrorInfo()?.Reason, staleSuspend.ErrorInfo()?.Reason));
        Assert.Equal(State.Approved, resumed.State);
        Assert.Equal(resumed, await GetAsync(coordinator, request.Name));
    }

    [Fact]
    public async Task Focal_points_cannot_suspend_or_resume_and_see_only_their_own_states_suspension()
    {
        var ghana = FocalPoint("GHA");
        var kenya = FocalPoint("KEN");
        var request = await Driver.CreateInStateAsync(State.Approved);

        await RichErrors.FailsWith(StatusCode.PermissionDenied, () => ghana.SuspendAssistanceRequestAsync(
            new SuspendAssistanceRequestRequest { Name = request.Name, Reason = "We ask for a pause." }).ResponseAsync);
        await Driver.ActAsync(request.Name, Action.Suspend, reason: "The requesting state asked for a pause after the elections.");
        await RichErrors.FailsWith(StatusCode.PermissionDenied, () => ghana.ResumeAssistanceRequestAsync(
            new ResumeAssistanceRequestRequest { Name = request.Name }).ResponseAsync);
        await RichErrors.FailsWith(StatusCode.PermissionDenied, () => kenya.SuspendAssistanceRequestAsync(
            new SuspendAssistanceRequestRequest { Name = request.Name, Reason = "Not ours." }).ResponseAsync);
        // Another state's request does not exist for Kenya's focal point: neither it nor its timeline.
        await RichErrors.FailsWith(StatusCode.NotFound, () => kenya.GetAssistanceRequestAsync(new GetAssistanceRequestRequest { Name = request.Name }).ResponseAsync);
        await RichErrors.FailsWith(StatusCode.NotFound, () => kenya.ListHistoryEntriesAsync(new ListHistoryEntriesRequest { Parent = request.Name }).ResponseAsync);

        var seen = await GetAsync(ghana, request.Name);
        var timeline = (await ghana.ListHistoryEntriesAsync(new ListHistoryEntriesRequest { Parent = request.Name })).HistoryEntries;
        Assert.Equal((State.Suspended, State.Approved), (seen.State, seen.SuspendedFrom));
        Assert.Equal((Action.Suspend, "The requesting state asked for a pause after the elections."), (timeline[^1].Action, timeline[^1].Reason));
    }

    [Fact]
    public async Task Delivery_steps_and_course_matching_are_refused_while_suspended_and_taken_again_once_resumed()
    {
        var training = new AssistanceService.AssistanceServiceClient(suite.Channel(suite.AssistanceAddress, suite.ServiceTokens.MintFor("training")));
        var request = await Driver.CreateInStateAsync(State.InDelivery);
        await Driver.ActAsync(request.Name, Action.Suspend);
        var step = new RecordDeliveryEventRequest { Name = request.Name, Event = $"events/{Guid.CreateVersion7():N}", Action = Action.EventPlan };

        var refusedStep = await RichErrors.FailsWith(StatusCode.FailedPrecondition, () => training.RecordDeliveryEventAsync(step).ResponseAsync);
        var refusedMatch = await RichErrors.FailsWith(StatusCode.FailedPrecondition,
            () => coordinator.MatchAssistanceRequestCoursesAsync(new MatchAssistanceRequestCoursesRequest { Name = request.Name }).ResponseAsync);

        foreach (var refusal in (RpcException[])[refusedStep, refusedMatch])
        {
            Assert.Equal("REQUEST_SUSPENDED", refusal.ErrorInfo()?.Reason);
            Assert.Equal(("STATE_SUSPENDED", "STATE_IN_DELIVERY"), (refusal.ErrorInfo()!.Metadata["current_state"], refusal.ErrorInfo()!.Metadata["suspended_from"]));
        }

        await Driver.ActAsync(request.Name, Action.Resume);
        Assert.Equal(Action.EventPlan, (await training.RecordDeliveryEventAsync(step)).HistoryEntry.Action);
    }

    [Fact]
    public async Task A_suspended_request_is_listed_by_its_state_counted_in_the_pipeline_and_covered_as_the_state_it_left()
    {
        var request = IntakeSamples.InYear(CountedCountry);
        request.ThematicAreas.Clear();
        request.ThematicAreas.Add(ThematicArea.Network247);
        var delivering = await Driver.CreateInStateAsync(State.InDelivery, request);

        await Driver.ActAsync(delivering.Name, Action.Suspend);

        var listed = await coordinator.ListAssistanceRequestsAsync(new ListAssistanceRequestsRequest { RequestingState = CountedCountry, State = State.Suspended });
        Assert.Equal([delivering.Name], listed.AssistanceRequests.Select(found => found.Name));
        var pipeline = Assert.Single((await coordinator.GetPipelineReportAsync(new GetPipelineReportRequest { RequestingState = CountedCountry })).States).Counts;
        Assert.Equal((1L, 0L), (Count(pipeline, State.Suspended), Count(pipeline, State.InDelivery)));
        var coverage = Assert.Single((await coordinator.GetConventionCoverageAsync(new GetConventionCoverageRequest { RequestingState = CountedCountry })).States);
        var area = coverage.Areas.Single(entry => entry.ThematicArea == ThematicArea.Network247);
        Assert.Equal((Coverage.InDelivery, 1L), (area.Coverage, area.InDeliveryRequests));
    }

    private AssistanceService.AssistanceServiceClient FocalPoint(string country) =>
        new(suite.Channel(suite.GatewayGrpcAddress, suite.Tokens.Mint(CallerRole.MemberState, $"suspension-focal-point-{country}", country: country)));

    private static async Task<AssistanceRequest> GetAsync(AssistanceService.AssistanceServiceClient client, string name) =>
        (await client.GetAssistanceRequestAsync(new GetAssistanceRequestRequest { Name = name })).AssistanceRequest;

    private static long Count(PipelineCounts counts, State state) => counts.Counts.Single(count => count.State == state).Count;
}

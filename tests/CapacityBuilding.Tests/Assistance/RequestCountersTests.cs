using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.Contracts.Common.V1;
using CapacityBuilding.Contracts.Lifecycle;
using CapacityBuilding.Tests.Infrastructure;
using Grpc.Core;
using State = CapacityBuilding.Contracts.Assistance.V1.AssistanceRequest.Types.State;

namespace CapacityBuilding.Tests.Assistance;

/// <summary>
/// The pipeline and coverage counters are changed in the same write as the request: under many
/// parallel state changes, racing on the same requests, they still equal a recount of the requests.
/// </summary>
[Collection(SuiteDefinition.Name)]
public sealed class RequestCountersTests(SuiteFixture suite)
{
    // A country no other test files requests for, so a recount of its requests is all the counters hold for it.
    private const string Country = "BTN";
    private const int Requests = 12;

    private static readonly State[] Targets = [State.Completed, State.Withdrawn, State.Rejected, State.Returned, State.InDelivery, State.Approved, State.Suspended];

    private readonly AssistanceService.AssistanceServiceClient coordinator = RequestLifecycleDriver.Coordinator(suite, "counters-coordinator");

    [Fact]
    public async Task Parallel_racing_transitions_leave_the_counters_equal_to_a_recount()
    {
        var driver = new RequestLifecycleDriver(coordinator);
        var areas = ConventionAreas();
        var created = await Task.WhenAll(Enumerable.Range(0, Requests).Select(i =>
        {
            var request = RequestLifecycleDriver.CompleteRequest(Country);
            request.ThematicAreas.Clear();
            request.ThematicAreas.Add([areas[i % areas.Length], areas[(i + 3) % areas.Length]]);
            return driver.CreateAsync(request);
        }));

        // Every request is walked towards several targets at once: the walks race, and most of them lose somewhere.
        await Task.WhenAll(created.SelectMany(request => Targets.Select(target => WalkAsync(driver, request.Name, target))));

        var recount = await RecountAsync();
        var pipeline = Assert.Single((await coordinator.GetPipelineReportAsync(new GetPipelineReportRequest { RequestingState = Country })).States);
        Assert.Equal(recount.Select(request => request.State).CountBy(state => state).Where(count => count.Value > 0).OrderBy(count => count.Key),
            pipeline.Counts.Counts.Where(count => count.Count > 0).Select(count => KeyValuePair.Create(count.State, (int)count.Count)));
        Assert.Equal(Requests, pipeline.Counts.Total);

        var coverage = Assert.Single((await coordinator.GetConventionCoverageAsync(new GetConventionCoverageRequest { RequestingState = Country })).States);
        foreach (var area in coverage.Areas)
        {
            var naming = recount.Where(request => request.ThematicAreas.Contains(area.ThematicArea)).ToList();
            // A suspended request counts as the state it was suspended from.
            var covering = naming.Select(request => request.State == State.Suspended ? request.SuspendedFrom : request.State).ToList();
            Assert.Equal(covering.Count(state => state == State.Completed), area.CompletedRequests);
            Assert.Equal(covering.Count(state => state == State.InDelivery), area.InDeliveryRequests);
            Assert.Equal(covering.Count(state => state is State.Submitted or State.UnderReview or State.Approved), area.RequestedRequests);
        }
    }

    private static async Task WalkAsync(RequestLifecycleDriver driver, string name, State target)
    {
        try
        {
            foreach (var step in AssistanceRequestLifecycle.PathTo(target))
            {
                await driver.ActAsync(name, step.Action);
            }
        }
        catch (RpcException exception) when (exception.StatusCode is StatusCode.FailedPrecondition or StatusCode.Aborted)
        {
            // Another walk got there first.
        }
    }

    private async Task<List<AssistanceRequest>> RecountAsync()
    {
        var found = new List<AssistanceRequest>();
        var token = "";
        do
        {
            var page = await coordinator.ListAssistanceRequestsAsync(new ListAssistanceRequestsRequest { RequestingState = Country, PageSize = 500, PageToken = token });
            found.AddRange(page.AssistanceRequests);
            token = page.NextPageToken;
        }
        while (token.Length > 0);
        return found;
    }

    private static ThematicArea[] ConventionAreas() => [.. Enum.GetValues<ThematicArea>().Where(area => area != ThematicArea.Unspecified)];
}

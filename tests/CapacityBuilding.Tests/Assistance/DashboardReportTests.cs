using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.Contracts.Common.V1;
using CapacityBuilding.ServiceDefaults.Identity;
using CapacityBuilding.ServiceDefaults.Regions;
using CapacityBuilding.Tests.Infrastructure;
using Google.Type;
using Grpc.Core;
using StackExchange.Redis;
using ConventionState = CapacityBuilding.Contracts.Assistance.V1.ConventionStatus.Types.Status;
using State = CapacityBuilding.Contracts.Assistance.V1.AssistanceRequest.Types.State;

namespace CapacityBuilding.Tests.Assistance;

/// <summary>
/// The dashboards' reports: Convention coverage per state and area, the pipeline per state and UN
/// M49 sub-region; what each role sees of them; and requests stored before the counters counted.
/// </summary>
[Collection(SuiteDefinition.Name)]
public sealed class DashboardReportTests(SuiteFixture suite)
{
    // Countries no other test files requests for.
    private const string CoverageCountry = "ZMB";
    private const string BackfillCountry = "MWI";

    private readonly AssistanceService.AssistanceServiceClient coordinator = RequestLifecycleDriver.Coordinator(suite, "reports-coordinator");

    [Fact]
    public async Task Coverage_says_per_area_and_its_articles_whether_it_was_supported_is_in_delivery_is_requested_or_never_was()
    {
        var driver = new RequestLifecycleDriver(coordinator);
        await driver.CreateInStateAsync(State.Completed, InAreas(CoverageCountry, ThematicArea.Legislation));
        await driver.CreateInStateAsync(State.InDelivery, InAreas(CoverageCountry, ThematicArea.Network247));
        await driver.CreateInStateAsync(State.UnderReview, InAreas(CoverageCountry, ThematicArea.Prevention, ThematicArea.Legislation));
        await driver.CreateInStateAsync(State.Rejected, InAreas(CoverageCountry, ThematicArea.MutualLegalAssistance));
        await driver.CreateAsync(InAreas(CoverageCountry, ThematicArea.ElectronicEvidence));
        await coordinator.UpdateConventionStatusAsync(ConventionStatusTests.Upsert(CoverageCountry, ConventionState.Signatory, signature: new Date { Year = 2025, Month = 10, Day = 25 }));

        var state = Assert.Single((await coordinator.GetConventionCoverageAsync(new GetConventionCoverageRequest { RequestingState = CoverageCountry })).States);

        Assert.Equal(ConventionState.Signatory, state.ConventionStatus);
        Assert.Equal(Enum.GetValues<ThematicArea>().Length - 1, state.Areas.Count);
        var legislation = Area(state, ThematicArea.Legislation);
        Assert.Equal((Coverage.Supported, 1L, 0L, 1L), (legislation.Coverage, legislation.CompletedRequests, legislation.InDeliveryRequests, legislation.RequestedRequests));
        Assert.Equal(Enumerable.Range(7, 15), legislation.Articles);
        Assert.Equal(Coverage.InDelivery, Area(state, ThematicArea.Network247).Coverage);
        Assert.Equal([41], Area(state, ThematicArea.Network247).Articles);
        Assert.Equal(Coverage.Requested, Area(state, ThematicArea.Prevention).Coverage);
        Assert.Equal(Coverage.Never, Area(state, ThematicArea.MutualLegalAssistance).Coverage);
        Assert.Equal(Coverage.Never, Area(state, ThematicArea.ElectronicEvidence).Coverage);
    }

    [Fact]
    public async Task Coverage_over_every_state_totals_each_area_over_the_states_it_lists()
    {
        await new RequestLifecycleDriver(coordinator).CreateInStateAsync(State.Submitted, InAreas("GHA", ThematicArea.Prevention));

        var coverage = await coordinator.GetConventionCoverageAsync(new GetConventionCoverageRequest());

        Assert.Contains(coverage.States, state => state.RequestingState == "GHA");
        Assert.Equal(coverage.States.Select(state => state.RequestingState).Order(StringComparer.Ordinal), coverage.States.Select(state => state.RequestingState));
        foreach (var totals in coverage.AreaTotals)
        {
            var reached = coverage.States.Select(state => Area(state, totals.ThematicArea).Coverage).ToList();
            Assert.Equal(coverage.States.Count, totals.SupportedStates + totals.InDeliveryStates + totals.RequestedStates + totals.NeverStates);
            Assert.Equal(reached.Count(found => found == Coverage.Requested), totals.RequestedStates);
            Assert.Equal(reached.Count(found => found == Coverage.Supported), totals.SupportedStates);
        }
    }

    [Fact]
    public async Task The_pipeline_adds_up_by_state_by_m49_sub_region_and_in_total()
    {
        var driver = new RequestLifecycleDriver(coordinator);
        await driver.CreateInStateAsync(State.Approved, InAreas("GHA", ThematicArea.Prevention));
        await driver.CreateInStateAsync(State.Submitted, InAreas("VNM", ThematicArea.Prevention));

        var report = await coordinator.GetPipelineReportAsync(new GetPipelineReportRequest());

        var total = report.States.Sum(state => state.Counts.Total);
        Assert.Equal(total, report.Total.Total);
        foreach (var region in report.Regions)
        {
            var members = report.States.Where(state => M49Regions.Of(state.RequestingState)?.SubRegionCode == region.RegionCode).ToList();
            Assert.Equal(members.Sum(state => state.Counts.Total), region.Counts.Total);
            Assert.Equal(M49Regions.NameOf(region.RegionCode), region.RegionName);
        }

        var westAfrica = Assert.Single(report.Regions, region => region.RegionCode == M49Regions.Of("GHA")!.SubRegionCode);
        Assert.Equal("Sub-Saharan Africa", westAfrica.RegionName);
        var ghana = Assert.Single(report.States, state => state.RequestingState == "GHA");
        Assert.True(Count(ghana.Counts, State.Approved) >= 1);
        Assert.Equal(ghana.Counts.Counts.Sum(count => count.Count), ghana.Counts.Total);
        Assert.Equal(Enum.GetValues<State>().Length - 1, ghana.Counts.Counts.Count);
    }

    [Fact]
    public async Task A_focal_point_sees_its_own_state_only_a_donor_the_aggregate_and_an_auditor_everything()
    {
        await new RequestLifecycleDriver(coordinator).CreateInStateAsync(State.Submitted, InAreas("GHA", ThematicArea.Prevention));
        var ghana = IntakeClients.As(suite, CallerRole.MemberState, "reports-focal-point", country: "GHA");
        var donor = IntakeClients.As(suite, CallerRole.Donor, "reports-donor", donorId: "reports-donor");
        var auditor = IntakeClients.As(suite, CallerRole.Auditor, "reports-auditor");

        var own = await ghana.GetPipelineReportAsync(new GetPipelineReportRequest());
        Assert.Equal(["GHA"], own.States.Select(state => state.RequestingState));
        Assert.Empty(own.Regions);
        Assert.Equal(own.States[0].Counts, own.Total);
        Assert.Equal(["GHA"], (await ghana.GetConventionCoverageAsync(new GetConventionCoverageRequest())).States.Select(state => state.RequestingState));
        await RichErrors.FailsWith(StatusCode.PermissionDenied, () => ghana.GetPipelineReportAsync(new GetPipelineReportRequest { RequestingState = "VNM" }).ResponseAsync);
        await RichErrors.FailsWith(StatusCode.PermissionDenied, () => ghana.GetConventionCoverageAsync(new GetConventionCoverageRequest { RequestingState = "VNM" }).ResponseAsync);

        var aggregate = await donor.GetPipelineReportAsync(new GetPipelineReportRequest());
        Assert.Empty(aggregate.States);
        Assert.NotEmpty(aggregate.Regions);
        var donorCoverage = await donor.GetConventionCoverageAsync(new GetConventionCoverageRequest());
        Assert.Empty(donorCoverage.States);
        Assert.Equal(Enum.GetValues<ThematicArea>().Length - 1, donorCoverage.AreaTotals.Count);

        var full = await auditor.GetPipelineReportAsync(new GetPipelineReportRequest());
        Assert.Contains(full.States, state => state.RequestingState == "GHA");
        Assert.Equal(aggregate.Total, full.Total);
        Assert.NotEmpty((await auditor.GetConventionCoverageAsync(new GetConventionCoverageRequest())).States);
    }

    [Fact]
    public async Task A_report_of_a_state_that_is_not_an_iso_code_is_invalid()
    {
        var exception = await RichErrors.FailsWith(StatusCode.InvalidArgument,
            () => coordinator.GetPipelineReportAsync(new GetPipelineReportRequest { RequestingState = "XXX" }).ResponseAsync);
        Assert.Equal(["requesting_state"], exception.ViolatedFields());
    }

    [Fact]
    public async Task Requests_stored_before_the_counters_are_counted_once_when_assistance_starts()
    {
        var driver = new RequestLifecycleDriver(coordinator);
        await driver.CreateInStateAsync(State.Completed, InAreas(BackfillCountry, ThematicArea.Prevention));
        await driver.CreateInStateAsync(State.Submitted, InAreas(BackfillCountry, ThematicArea.Prevention));
        var before = await PipelineOfAsync(coordinator, BackfillCountry);
        var coverageBefore = await coordinator.GetConventionCoverageAsync(new GetConventionCoverageRequest { RequestingState = BackfillCountry });
        await using var redis = await ConnectionMultiplexer.ConnectAsync(suite.Redis.ConnectionString);
        var database = redis.GetDatabase();
        await ForgetCountsAsync(database, BackfillCountry);
        Assert.Equal(0, (await PipelineOfAsync(coordinator, BackfillCountry)).Total);

        var (process, channel) = await suite.StartExtraAssistanceAsync(SuiteFixture.DirectTo(suite.TrainingAddress));
        await using (process)
        {
            var restarted = new AssistanceService.AssistanceServiceClient(suite.Channel(new Uri($"http://{channel.Target}"), suite.CoordinatorToken));
            var deadline = System.DateTime.UtcNow.AddSeconds(20);
            while (!await database.KeyExistsAsync("assistance:migrations:request-counters") && System.DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }

            Assert.Equal(before, await PipelineOfAsync(restarted, BackfillCountry));
            Assert.Equal(coverageBefore, await restarted.GetConventionCoverageAsync(new GetConventionCoverageRequest { RequestingState = BackfillCountry }));
        }
    }

    /// <summary>The counters as a version without them left the country's requests: not counted, no counter fields, migration not run.</summary>
    private static async Task ForgetCountsAsync(IDatabase database, string country)
    {
        foreach (var id in await database.SortedSetRangeByRankAsync($"assistance:requests:index:country:{country}"))
        {
            await database.SetRemoveAsync("assistance:requests:counted", id);
        }

        foreach (var key in (string[])["assistance:requests:pipeline", "assistance:requests:coverage"])
        {
            var fields = (await database.HashKeysAsync(key)).Where(field => ((string)field!).StartsWith(country + ":", StringComparison.Ordinal)).ToArray();
            await database.HashDeleteAsync(key, fields);
        }

        await database.KeyDeleteAsync("assistance:migrations:request-counters");
    }

    private static async Task<PipelineCounts> PipelineOfAsync(AssistanceService.AssistanceServiceClient client, string country) =>
        (await client.GetPipelineReportAsync(new GetPipelineReportRequest { RequestingState = country })).Total;

    private static AssistanceRequest InAreas(string country, params ThematicArea[] areas)
    {
        var request = IntakeSamples.InYear(country);
        request.ThematicAreas.Clear();
        request.ThematicAreas.Add(areas);
        return request;
    }

    private static AreaCoverage Area(StateCoverage state, ThematicArea area) => state.Areas.Single(entry => entry.ThematicArea == area);

    private static long Count(PipelineCounts counts, State state) => counts.Counts.Single(count => count.State == state).Count;
}

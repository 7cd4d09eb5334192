using System.Globalization;
using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.Contracts.Funding.V1;
using CapacityBuilding.ServiceDefaults.Identity;
using CapacityBuilding.Tests.Assistance;
using CapacityBuilding.Tests.Funding;
using CapacityBuilding.Tests.Infrastructure;
using CapacityBuilding.Tests.Portal.Browser;
using CapacityBuilding.Tests.Training;
using Google.Type;
using Microsoft.Playwright;

namespace CapacityBuilding.Tests.Portal.Dashboards;

/// <summary>
/// The dashboards in a browser against the real services: every chart's table holds the figures
/// the services answer to the same role, the chart writes the same figures as its table, and the
/// chart is an image with a title and a description (nothing only in a picture).
/// </summary>
[Collection(SuiteDefinition.Name)]
public sealed class DashboardFlowTests(SuiteFixture suite, BrowserFixture browser)
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    [Fact]
    public async Task The_auditors_charts_show_the_services_figures_in_their_tables_and_bars()
    {
        var training = new TrainingSetup(suite.TrainingClient(suite.CoordinatorToken));
        var course = await training.CourseAsync(course => course.Title = SampleData.UniqueTitle("Dashboard course"));
        await training.SessionAsync(course, seats: 17);
        await training.SessionAsync(course, seats: 6);
        await FundAsync();
        await using var auditor = await SignedInAsync(DemoUsers.Auditor);
        await auditor.FollowNavigationAsync("/dashboards");
        await auditor.AssertPageIsCleanAsync("dashboards-auditor");

        var funding = new FundingService.FundingServiceClient(suite.Channel(suite.GatewayGrpcAddress, suite.Tokens.Mint(CallerRole.Auditor, "auditor@oios")));
        var summary = (await funding.GetFundingSummaryAsync(new GetFundingSummaryRequest())).FundingSummary;

        Assert.Equal(
            [.. summary.ThematicAreas.Select(area => Figures(area.Totals))],
            await TableFiguresAsync(auditor.Page, "funding-by-area"));
        Assert.Equal(
            [.. summary.Regions.Select(region => Figures(region.Totals))],
            await TableFiguresAsync(auditor.Page, "funding-by-region"));
        Assert.Equal(
            [.. summary.ThematicAreas.Select(area => PledgeFigures(area.Totals))],
            await TableFiguresAsync(auditor.Page, "pledges-by-area"));
        Assert.Equal(
            [.. summary.Regions.Select(region => PledgeFigures(region.Totals))],
            await TableFiguresAsync(auditor.Page, "pledges-by-region"));
        var assistance = new AssistanceService.AssistanceServiceClient(suite.Channel(suite.GatewayGrpcAddress, suite.Tokens.Mint(CallerRole.Auditor, "auditor@oios")));
        var coverage = await assistance.GetConventionCoverageAsync(new GetConventionCoverageRequest());
        Assert.Equal(
            [.. coverage.AreaTotals.Select(area => new decimal[] { area.SupportedStates, area.InDeliveryStates, area.RequestedStates, area.NeverStates })],
            await TableFiguresAsync(auditor.Page, "coverage-by-area"));
        Assert.Equal(
            [.. summary.Regions.Select(region => region.RegionName)],
            await auditor.Page.Locator("#funding-by-region-table tbody th").AllInnerTextsAsync());
        // The newest course is on the catalogue's first page: its two sessions' seats, none taken yet.
        var seats = auditor.Page.Locator("#training-seats-table tbody tr", new() { Has = auditor.Page.GetByRole(AriaRole.Rowheader, new() { Name = course.Title }) });
        Assert.Equal(["23", "0", "0"], await seats.Locator("td").AllInnerTextsAsync());
        foreach (var chart in new[] { "funding-by-area", "pledges-by-area", "funding-by-region", "pledges-by-region", "funding-by-donor", "pipeline-by-state", "coverage-by-area", "training-seats" })
        {
            await AssertChartWritesItsTableAsync(auditor.Page, chart);
        }
    }

    [Fact]
    public async Task A_focal_points_pipeline_counts_add_up_and_they_get_no_funding_section()
    {
        await new RequestLifecycleDriver(RequestLifecycleDriver.Coordinator(suite, "portal-dashboards-coordinator"))
            .CreateInStateAsync(AssistanceRequest.Types.State.Submitted, RequestLifecycleDriver.CompleteRequest("GHA"));
        await using var ghana = await SignedInAsync(DemoUsers.FocalPointGhana);
        await ghana.GoToAsync("/dashboards");
        await ghana.AssertPageIsCleanAsync("dashboards-focal-point");

        var byState = await ghana.Page.Locator("#pipeline-by-state-table tbody td").AllInnerTextsAsync();
        // The pipeline report's per-state table: its last column is each state's total.
        var byCountry = await ghana.Page.Locator("#pipeline-by-country tbody td:last-child").AllInnerTextsAsync();
        var counted = await ghana.Page.Locator("section[aria-labelledby=pipeline-title] > p").First.InnerTextAsync();

        Assert.Equal(byState.Sum(Parse), byCountry.Sum(Parse));
        // "N requests counted": the report's total, which is the tables' sum.
        Assert.Matches($@"^{byState.Sum(Parse).ToString(CultureInfo.InvariantCulture)} requests counted", counted.Replace(",", "", StringComparison.Ordinal));
        // The report gives a focal point their own country's requests only, and no regions.
        Assert.Equal(["Ghana"], await ghana.Page.Locator("#pipeline-by-country tbody th").AllInnerTextsAsync());
        Assert.Equal(0, await ghana.Page.Locator("#pipeline-by-region").CountAsync());
        Assert.Equal(0, await ghana.Page.Locator("#funding-title").CountAsync());
    }

    [Fact]
    public async Task The_regions_are_named_in_the_readers_language_not_by_their_M49_codes()
    {
        await FundAsync();
        await using var auditor = await SignedInAsync(DemoUsers.Auditor);
        await auditor.SwitchLanguageAsync("fr");
        await auditor.GoToAsync("/dashboards");
        await auditor.AssertPageIsCleanAsync("dashboards-auditor-regions");

        var regions = await auditor.Page.Locator("#funding-by-region-table tbody th").AllInnerTextsAsync();
        // The funded request is Ghana's: UN M49 sub-region 202.
        Assert.Contains("Afrique subsaharienne", regions);
        Assert.DoesNotContain(regions, region => region.All(char.IsAsciiDigit));
    }

    /// <summary>Money allocated to an approved request and partly paid out, so every funding chart has a row.</summary>
    private async Task FundAsync()
    {
        var scenario = new FundingScenario(suite);
        var pledge = await scenario.PledgeAsync(1_000);
        var request = await scenario.RequestAsync();
        var allocation = (await scenario.Funding.CreateAllocationAsync(FundingScenario.Allocation(pledge, request, Usd(300)))).Allocation;
        await scenario.Funding.CreateDisbursementAsync(new CreateDisbursementRequest
        {
            Parent = allocation.Name,
            Disbursement = new Disbursement { Amount = Usd(50), DisbursementDate = FundingScenario.Today, Description = "first tranche" },
        });
    }

    private static Money Usd(long units) => new() { CurrencyCode = "USD", Units = units };

    private Task<BrowserSession> SignedInAsync(string demoUser) => BrowserSession.SignedInAsync(browser, suite, demoUser);

    /// <summary>Budget, allocated, disbursed and gap in USD, as the table's columns are.</summary>
    private static decimal[] Figures(FundingTotals totals) =>
        [ToDecimal(totals.BudgetUsd), ToDecimal(totals.AllocatedUsd), ToDecimal(totals.OfferedUsd), ToDecimal(totals.DisbursedUsd), ToDecimal(totals.GapUsd)];

    private static decimal[] PledgeFigures(FundingTotals totals) =>
        [ToDecimal(totals.PledgedUsd), ToDecimal(totals.CommittedUsd), ToDecimal(totals.PaidUsd)];

    // The tables show money to the cent.
    private static decimal ToDecimal(Money? money) => money is null ? 0m : Math.Round(money.Units + (money.Nanos / 1_000_000_000m), 2);

    private static async Task<IReadOnlyList<decimal[]>> TableFiguresAsync(IPage page, string chart)
    {
        var rows = page.Locator($"#{chart}-table tbody tr");
        var figures = new List<decimal[]>();
        for (var row = 0; row < await rows.CountAsync(); row++)
        {
            figures.Add([.. (await rows.Nth(row).Locator("td").AllInnerTextsAsync()).Select(Parse)]);
        }

        return figures;
    }

    /// <summary>"1,234.50 USD" or "12" as the English page writes it.</summary>
    private static decimal Parse(string text) => decimal.Parse(text.Replace("USD", "", StringComparison.Ordinal).Trim(), NumberStyles.Number, English);

    private static async Task AssertChartWritesItsTableAsync(IPage page, string chart)
    {
        var figure = page.Locator($"figure:has(#{chart}-table)");
        var svg = figure.Locator("svg[role=img]");
        Assert.False(string.IsNullOrWhiteSpace(await svg.Locator("title").TextContentAsync()), chart);
        Assert.False(string.IsNullOrWhiteSpace(await svg.Locator("desc").TextContentAsync()), chart);
        Assert.Equal($"{chart}-title {chart}-desc", await svg.GetAttributeAsync("aria-labelledby"));

        var written = await svg.Locator("text").AllTextContentsAsync();
        foreach (var cell in await page.Locator($"#{chart}-table tbody td").AllInnerTextsAsync())
        {
            Assert.Contains(cell.Trim(), written);
        }
    }
}

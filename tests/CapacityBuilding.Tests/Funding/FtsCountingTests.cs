using CapacityBuilding.Contracts.Common.V1;
using CapacityBuilding.Contracts.Funding.V1;
using CapacityBuilding.Tests.Infrastructure;
using Google.Type;

namespace CapacityBuilding.Tests.Funding;

/// <summary>
/// Summaries count money as the Financial Tracking Service does: pledged (announced), committed
/// and paid apart, offered money apart from allocated; committed money shows under the themes and
/// regions its pledge is earmarked for. The suite's Redis holds other tests' money too, so the
/// programme's figures are compared before and after.
/// </summary>
[Collection(SuiteDefinition.Name)]
public sealed class FtsCountingTests(SuiteFixture suite)
{
    private readonly FundingScenario scenario = new(suite);

    [Fact]
    public async Task A_donor_is_counted_pledged_committed_paid_offered_and_allocated_apart()
    {
        var committed = await scenario.PledgeAsync(300);
        var donor = string.Join('/', committed.Name.Split('/')[..2]);
        await scenario.Funding.CreatePledgeAsync(new CreatePledgeRequest { Parent = donor, Pledge = SampleData.Pledge(100) });
        var request = await scenario.RequestAsync();
        await scenario.Funding.CreateContributionAsync(new CreateContributionRequest
        {
            Parent = committed.Name,
            Contribution = new Contribution { Amount = Usd(50), ReceivedDate = FundingScenario.Today },
        });
        await scenario.Funding.CreateAllocationAsync(FundingScenario.Allocation(committed, request, Usd(100)));
        await scenario.Funding.CreateAllocationAsync(FundingScenario.Proposal(committed, request, Usd(30)));

        var summary = (await scenario.Funding.GetFundingSummaryAsync(new GetFundingSummaryRequest())).FundingSummary;
        var totals = Assert.Single(summary.Donors, funding => funding.Donor == donor).Totals;

        Assert.Equal((Usd(100), Usd(300), Usd(50)), (totals.PledgedUsd, totals.CommittedUsd, totals.PaidUsd));
        Assert.Equal((Usd(100), Usd(30)), (totals.AllocatedUsd, totals.OfferedUsd));
        var requestFunding = (await scenario.Funding.GetRequestFundingAsync(new GetRequestFundingRequest { AssistanceRequest = request.Name })).RequestFunding.Totals;
        Assert.Empty(requestFunding.Committed);
        Assert.Null(requestFunding.CommittedUsd);
        Assert.Equal(BudgetBasis.Indicative, requestFunding.BudgetBasis);
        Assert.Equal(requestFunding.IndicativeBudgetUsd, requestFunding.BudgetUsd);
    }

    [Fact]
    public async Task Committed_money_counts_under_the_themes_and_regions_its_pledge_is_earmarked_for()
    {
        var before = (await scenario.Funding.GetFundingSummaryAsync(new GetFundingSummaryRequest())).FundingSummary;

        // Western Africa (011) and Kenya both lie in the sub-region Sub-Saharan Africa (202): counted there once.
        await scenario.PledgeAsync(Usd(700), new Earmarks { ThematicAreas = { ThematicArea.ProceedsOfCrime }, Regions = { "011" }, Countries = { "KEN" } });
        var after = (await scenario.Funding.GetFundingSummaryAsync(new GetFundingSummaryRequest())).FundingSummary;

        Assert.Equal(700m, Committed(after.Programme) - Committed(before.Programme));
        Assert.Equal(700m, Committed(Theme(after, ThematicArea.ProceedsOfCrime)) - Committed(Theme(before, ThematicArea.ProceedsOfCrime)));
        Assert.Equal(0m, Committed(Theme(after, ThematicArea.Legislation)) - Committed(Theme(before, ThematicArea.Legislation)));
        Assert.Equal(700m, Committed(Region(after, "202")) - Committed(Region(before, "202")));
        Assert.Equal(0m, Committed(Region(after, "419")) - Committed(Region(before, "419")));
    }

    private static FundingTotals? Theme(FundingSummary summary, ThematicArea theme) =>
        summary.ThematicAreas.SingleOrDefault(area => area.ThematicArea == theme)?.Totals;

    private static FundingTotals? Region(FundingSummary summary, string code) =>
        summary.Regions.SingleOrDefault(region => region.RegionCode == code)?.Totals;

    private static decimal Committed(FundingTotals? totals) => totals?.CommittedUsd is { } usd ? FundingScenario.ToDecimal(usd) : 0m;

    private static Money Usd(long units) => new() { CurrencyCode = "USD", Units = units };
}

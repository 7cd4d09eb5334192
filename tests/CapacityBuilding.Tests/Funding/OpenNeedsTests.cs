using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.Contracts.Common.V1;
using CapacityBuilding.Contracts.Funding.V1;
using CapacityBuilding.ServiceDefaults.Identity;
using CapacityBuilding.Tests.Infrastructure;
using Google.Type;
using Grpc.Core;
using RequestState = CapacityBuilding.Contracts.Assistance.V1.AssistanceRequest.Types.State;

namespace CapacityBuilding.Tests.Funding;

/// <summary>
/// A donor's open needs: approved and in-delivery requests not covered by the money allocated or
/// proposed to them, that one of its committed pledges with money left could fund, ranked by
/// priority then need, paged without short pages. Other tests' requests are in the same Redis, so
/// each test earmarks its pledge to one state and looks at its own requests among the needs.
/// </summary>
[Collection(SuiteDefinition.Name)]
public sealed class OpenNeedsTests(SuiteFixture suite)
{
    private const string State = "PRY";

    // A state no other test files requests for: the donor's list is this test's requests alone.
    private const string MovingState = "BOL";

    // Another state of no other test, for the ranking across priorities and pages.
    private const string RankedState = "ECU";

    private readonly FundingScenario scenario = new(suite);

    [Fact]
    public async Task A_donor_sees_the_uncovered_requests_its_committed_pledges_fit_ranked_by_priority_then_need()
    {
        var pledge = await scenario.PledgeAsync(Usd(1_000), new Earmarks { Countries = { State } });
        var uncovered = await scenario.RequestAsync(State, indicativeBudget: Usd(500));
        var partlyProposed = await scenario.RequestAsync(State, indicativeBudget: Usd(400));
        var inDelivery = await scenario.RequestAsync(State, state: RequestState.InDelivery, indicativeBudget: Usd(200));
        var covered = await scenario.RequestAsync(State, indicativeBudget: Usd(300));
        var elsewhere = await scenario.RequestAsync("GHA", indicativeBudget: Usd(1_000));
        var draft = await scenario.RequestAsync(State, state: RequestState.Draft, indicativeBudget: Usd(1_000));
        var other = await scenario.PledgeAsync(1_000);
        await scenario.Funding.CreateAllocationAsync(FundingScenario.Proposal(other, partlyProposed, Usd(100)));
        await scenario.Funding.CreateAllocationAsync(FundingScenario.Allocation(other, covered, Usd(300)));

        var needs = await AllNeedsAsync(scenario.Funding, DonorOf(pledge), pageSize: 500);

        var mine = needs.Where(need => need.AssistanceRequest == uncovered.Name || need.AssistanceRequest == partlyProposed.Name || need.AssistanceRequest == inDelivery.Name).ToList();
        Assert.Equal([uncovered.Name, partlyProposed.Name, inDelivery.Name], mine.Select(need => need.AssistanceRequest));
        Assert.Equal([Usd(500), Usd(300), Usd(200)], mine.Select(need => need.StillNeeded));
        Assert.Equal([Usd(500), Usd(300), Usd(200)], mine.Select(need => need.StillNeededUsd));
        Assert.All(mine, need => Assert.Equal(BudgetBasis.Indicative, need.BudgetBasis));
        Assert.All(mine, need => Assert.Equal([new OpenNeed.Types.FittingPledge { Pledge = pledge.Name, RemainingBalance = Usd(1_000) }], need.FittingPledges));
        Assert.DoesNotContain(needs, need => new[] { covered.Name, elsewhere.Name, draft.Name }.Contains(need.AssistanceRequest));
        Assert.Equal(needs.OrderByDescending(need => need.PriorityScore).ThenByDescending(need => FundingScenario.ToDecimal(need.StillNeededUsd)), needs);
    }

    [Fact]
    public async Task Pages_are_full_until_the_last_and_add_up_to_the_whole_list()
    {
        var pledge = await scenario.PledgeAsync(Usd(1_000), new Earmarks { Countries = { State } });
        for (var i = 0; i < 5; i++)
        {
            await scenario.RequestAsync(State, indicativeBudget: Usd(100 + i));
        }

        var whole = await AllNeedsAsync(scenario.Funding, DonorOf(pledge), pageSize: 500);
        var pages = new List<int>();
        var paged = new List<OpenNeed>();
        var token = string.Empty;
        do
        {
            var page = await scenario.Funding.ListOpenNeedsAsync(new ListOpenNeedsRequest { Parent = DonorOf(pledge), PageSize = 2, PageToken = token });
            pages.Add(page.OpenNeeds.Count);
            paged.AddRange(page.OpenNeeds);
            token = page.NextPageToken;
        }
        while (token.Length > 0);

        Assert.True(whole.Count >= 5);
        Assert.All(pages[..^1], count => Assert.Equal(2, count));
        Assert.Equal(whole.Select(need => need.AssistanceRequest), paged.Select(need => need.AssistanceRequest));
    }

    [Fact]
    public async Task Needs_funded_between_two_pages_move_under_the_page_token_without_any_need_being_skipped()
    {
        var pledge = await scenario.PledgeAsync(Usd(10_000), new Earmarks { Countries = { MovingState } });
        var requests = new List<AssistanceRequest>();
        foreach (var budget in new[] { 600, 500, 400, 300, 200, 100 })
        {
            requests.Add(await scenario.RequestAsync(MovingState, indicativeBudget: Usd(budget)));
        }

        var funder = await scenario.PledgeAsync(10_000);
        var first = await scenario.Funding.ListOpenNeedsAsync(new ListOpenNeedsRequest { Parent = DonorOf(pledge), PageSize = 2 });
        Assert.Equal([requests[0].Name, requests[1].Name], first.OpenNeeds.Select(need => need.AssistanceRequest));

        // The first need served and one not served yet both drop to the bottom of the ranking: a
        // page counted by position would now start at the 200 and pass over the 400.
        await scenario.Funding.CreateAllocationAsync(FundingScenario.Allocation(funder, requests[0], Usd(550)));
        await scenario.Funding.CreateAllocationAsync(FundingScenario.Proposal(funder, requests[3], Usd(250)));
        var rest = await AllNeedsAsync(scenario.Funding, DonorOf(pledge), pageSize: 2, first.NextPageToken);

        Assert.All(requests, request => Assert.Contains(request.Name, first.OpenNeeds.Concat(rest).Select(need => need.AssistanceRequest)));
        Assert.Equal([requests[2].Name, requests[4].Name, requests[5].Name], rest.Take(3).Select(need => need.AssistanceRequest));
        Assert.Equal([Usd(50), Usd(50)], rest.Skip(3).Select(need => need.StillNeeded));
    }

    [Fact]
    public async Task Needs_of_several_priorities_in_both_states_page_in_ranking_order_at_every_page_size()
    {
        // Legislation adds 15 to a request's priority, mutual legal assistance 15 more: three priorities, each in both open states.
        var pledge = await scenario.PledgeAsync(Usd(10_000), new Earmarks { Countries = { RankedState } });
        ThematicArea[] highest = [ThematicArea.Legislation, ThematicArea.MutualLegalAssistance];
        ThematicArea[] middle = [ThematicArea.Legislation];
        ThematicArea[] lowest = [ThematicArea.Prevention];
        var top = await scenario.RequestAsync(RankedState, highest, indicativeBudget: Usd(100));
        var middleInDelivery = await scenario.RequestAsync(RankedState, middle, RequestState.InDelivery, Usd(300));
        var middleApproved = await scenario.RequestAsync(RankedState, middle, indicativeBudget: Usd(250));
        var middleHalfHeld = await scenario.RequestAsync(RankedState, middle, indicativeBudget: Usd(400));
        var lowestApproved = await scenario.RequestAsync(RankedState, lowest, indicativeBudget: Usd(500));
        var lowestInDelivery = await scenario.RequestAsync(RankedState, lowest, RequestState.InDelivery, Usd(50));
        var covered = await scenario.RequestAsync(RankedState, highest, indicativeBudget: Usd(70));
        var funder = await scenario.PledgeAsync(10_000);
        await scenario.Funding.CreateAllocationAsync(FundingScenario.Proposal(funder, middleHalfHeld, Usd(200)));
        await scenario.Funding.CreateAllocationAsync(FundingScenario.Allocation(funder, covered, Usd(70)));

        string[] ranking =
        [
            top.Name, middleInDelivery.Name, middleApproved.Name, middleHalfHeld.Name, lowestApproved.Name, lowestInDelivery.Name,
        ];
        Assert.True(top.PriorityScore > middleApproved.PriorityScore && middleApproved.PriorityScore > lowestApproved.PriorityScore);
        foreach (var pageSize in new[] { 1, 2, 3, 4, 500 })
        {
            var needs = await AllNeedsAsync(scenario.Funding, DonorOf(pledge), pageSize);
            Assert.Equal(ranking, needs.Select(need => need.AssistanceRequest));
            Assert.Equal(Usd(200), needs[3].StillNeeded);
        }
    }

    [Fact]
    public async Task Pledges_not_committed_or_spent_fit_nothing_and_another_donor_lists_nothing()
    {
        var pledged = await scenario.PledgeAsync(Usd(1_000), new Earmarks { Countries = { State } }, committed: false);
        var spent = await scenario.PledgeAsync(Usd(100), new Earmarks { Countries = { State } });
        var request = await scenario.RequestAsync(State, indicativeBudget: Usd(500));
        await scenario.Funding.CreateAllocationAsync(FundingScenario.Allocation(spent, request, Usd(100)));
        var someone = await scenario.PledgeAsync(100);

        Assert.Empty(await AllNeedsAsync(scenario.Funding, DonorOf(pledged), pageSize: 500));
        Assert.Empty(await AllNeedsAsync(scenario.Funding, DonorOf(spent), pageSize: 500));
        var donor = DonorClient(someone);
        await RichErrors.FailsWith(StatusCode.NotFound, () => donor.ListOpenNeedsAsync(new ListOpenNeedsRequest { Parent = DonorOf(spent) }).ResponseAsync);
        Assert.NotNull(await donor.ListOpenNeedsAsync(new ListOpenNeedsRequest { Parent = DonorOf(someone) }));
    }

    private static async Task<List<OpenNeed>> AllNeedsAsync(FundingService.FundingServiceClient client, string donor, int pageSize, string token = "")
    {
        var all = new List<OpenNeed>();
        do
        {
            var page = await client.ListOpenNeedsAsync(new ListOpenNeedsRequest { Parent = donor, PageSize = pageSize, PageToken = token });
            all.AddRange(page.OpenNeeds);
            token = page.NextPageToken;
        }
        while (token.Length > 0);
        return all;
    }

    private FundingService.FundingServiceClient DonorClient(Pledge pledge)
    {
        var donorId = pledge.Name.Split('/')[1];
        return new FundingService.FundingServiceClient(
            suite.Channel(suite.GatewayGrpcAddress, suite.Tokens.Mint(CallerRole.Donor, $"donor-{donorId}", donorId: donorId)));
    }

    private static string DonorOf(Pledge pledge) => string.Join('/', pledge.Name.Split('/')[..2]);

    private static Money Usd(long units) => new() { CurrencyCode = "USD", Units = units };
}

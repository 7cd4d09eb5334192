using CapacityBuilding.Contracts.Funding.V1;
using CapacityBuilding.ServiceDefaults.Identity;
using CapacityBuilding.Tests.Infrastructure;
using Google.Type;
using Grpc.Core;

namespace CapacityBuilding.Tests.Funding;

/// <summary>
/// Who reads a request's funding and what they see: the requesting state every donor's part (a
/// by-donor breakdown, offered money apart, the gap and its basis); another state nothing, as for a
/// request that does not exist; a donor its own part only.
/// </summary>
[Collection(SuiteDefinition.Name)]
public sealed class RequestFundingReadersTests(SuiteFixture suite)
{
    private readonly FundingScenario scenario = new(suite);

    [Fact]
    public async Task The_requesting_state_reads_every_donors_part_and_the_gap_with_its_basis()
    {
        var (request, first, second) = await CofundedAsync();

        var funding = await GetAsync(MemberState("GHA"), request);

        Assert.Equal([Usd(300)], funding.Totals.Allocated);
        Assert.Equal([Usd(50)], funding.Totals.Offered);
        Assert.Equal(Usd(700), funding.Totals.GapUsd);
        Assert.Equal(BudgetBasis.Indicative, funding.Totals.BudgetBasis);
        Assert.Equal([Usd(1_000)], funding.Totals.Budget);
        var byDonor = funding.Donors.ToDictionary(donor => donor.Donor);
        Assert.Equal(2, byDonor.Count);
        Assert.Equal([Usd(200)], byDonor[DonorOf(first)].Totals.Allocated);
        Assert.Empty(byDonor[DonorOf(first)].Totals.Offered);
        Assert.Equal([Usd(100)], byDonor[DonorOf(second)].Totals.Allocated);
        Assert.Equal([Usd(50)], byDonor[DonorOf(second)].Totals.Offered);
        Assert.All(funding.Donors, donor => Assert.Equal("Norway", donor.DisplayName));
    }

    [Fact]
    public async Task Another_state_finds_nothing_as_for_a_request_that_does_not_exist()
    {
        var (request, _, _) = await CofundedAsync();
        var missing = "requests/" + Guid.NewGuid().ToString("N");

        var otherState = await RichErrors.FailsWith(StatusCode.NotFound, () => GetAsync(MemberState("VNM"), request));
        var absent = await RichErrors.FailsWith(StatusCode.NotFound, () => GetAsync(MemberState("VNM"), missing));

        Assert.Equal(absent.Status.Detail.Replace(missing, request, StringComparison.Ordinal), otherState.Status.Detail);
    }

    [Fact]
    public async Task A_donor_sees_only_its_own_part()
    {
        var (request, first, _) = await CofundedAsync();
        var donorId = first.Name.Split('/')[1];
        var donor = new FundingService.FundingServiceClient(
            suite.Channel(suite.GatewayGrpcAddress, suite.Tokens.Mint(CallerRole.Donor, $"donor-{donorId}", donorId: donorId)));

        var funding = await GetAsync(donor, request);

        Assert.Equal([DonorOf(first)], funding.Donors.Select(part => part.Donor));
        Assert.Equal([Usd(200)], funding.Totals.Allocated);
        Assert.Empty(funding.Totals.Offered);
    }

    /// <summary>A GHA request with a budget of 1,000 USD: 200 allocated by one donor, 100 allocated and 50 proposed by another.</summary>
    private async Task<(string Request, Pledge First, Pledge Second)> CofundedAsync()
    {
        var request = await scenario.RequestAsync("GHA", indicativeBudget: Usd(1_000));
        var first = await scenario.PledgeAsync(1_000);
        var second = await scenario.PledgeAsync(1_000);
        await scenario.Funding.CreateAllocationAsync(FundingScenario.Allocation(first, request, Usd(200)));
        await scenario.Funding.CreateAllocationAsync(FundingScenario.Allocation(second, request, Usd(100)));
        await scenario.Funding.CreateAllocationAsync(FundingScenario.Proposal(second, request, Usd(50)));
        return (request.Name, first, second);
    }

    private FundingService.FundingServiceClient MemberState(string country) =>
        new(suite.Channel(suite.GatewayGrpcAddress, suite.Tokens.Mint(CallerRole.MemberState, $"focal-point-{country}", country: country)));

    private static async Task<RequestFunding> GetAsync(FundingService.FundingServiceClient client, string request) =>
        (await client.GetRequestFundingAsync(new GetRequestFundingRequest { AssistanceRequest = request })).RequestFunding;

    private static string DonorOf(Pledge pledge) => string.Join('/', pledge.Name.Split('/')[..2]);

    private static Money Usd(long units) => new() { CurrencyCode = "USD", Units = units };
}

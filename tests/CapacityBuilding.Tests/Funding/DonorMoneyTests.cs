using System.Xml.Linq;
using CapacityBuilding.Contracts.Funding.V1;
using CapacityBuilding.ServiceDefaults.Identity;
using CapacityBuilding.Tests.Infrastructure;
using Google.Type;
using Grpc.Core;

namespace CapacityBuilding.Tests.Funding;

/// <summary>
/// A donor sees its own money and nothing of another donor's: another donor's ids answer as ids
/// that do not exist, listings hold itself only, and every report (request funding, programme
/// summary, IATI export) counts its own allocations and disbursements only, co-funders left out.
/// </summary>
[Collection(SuiteDefinition.Name)]
public sealed class DonorMoneyTests(SuiteFixture suite)
{
    private const string MissingId = "0123456789abcdef0123456789abcdef";

    private readonly FundingScenario scenario = new(suite);

    public static TheoryData<string> Reads => ["GetDonor", "ListPledges", "CreatePledge", "GetPledge", "GetAllocation", "ListDisbursements"];

    [Theory]
    [MemberData(nameof(Reads))]
    public async Task Another_donors_id_answers_word_for_word_as_an_id_that_does_not_exist(string method)
    {
        var (own, cofunded) = await CofundedAsync();
        var donor = As(own);
        var others = ResourcesOf(cofunded.OtherPledge, cofunded.OtherAllocation);
        var missing = ResourcesOf($"donors/{MissingId}/pledges/{MissingId}", $"allocations/{MissingId}");

        var foreign = await RichErrors.FailsWith(StatusCode.NotFound, () => Call(donor, method, others));
        var absent = await RichErrors.FailsWith(StatusCode.NotFound, () => Call(donor, method, missing));

        Assert.Equal(absent.ErrorInfo()?.Reason, foreign.ErrorInfo()?.Reason);
        Assert.Equal(absent.Status.Detail.Replace(MissingId, "{id}", StringComparison.Ordinal),
            foreign.Status.Detail.Replace(cofunded.OtherDonorId, "{id}", StringComparison.Ordinal).Replace(cofunded.OtherPledgeId, "{id}", StringComparison.Ordinal)
                .Replace(cofunded.OtherAllocationId, "{id}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_donor_lists_itself_and_its_own_allocations_only()
    {
        var (own, cofunded) = await CofundedAsync();
        var donor = As(own);

        var donors = await donor.ListDonorsAsync(new ListDonorsRequest { PageSize = 500 });
        var filtered = await donor.ListAllocationsAsync(new ListAllocationsRequest { Donor = $"donors/{cofunded.OtherDonorId}" });

        Assert.Equal([$"donors/{own}"], donors.Donors.Select(listed => listed.Name));
        Assert.Empty(filtered.Allocations);
    }

    [Fact]
    public async Task Reports_count_the_donors_own_money_against_the_budgets_of_the_requests_it_funds()
    {
        var (own, cofunded) = await CofundedAsync();
        var donor = As(own);

        var requestFunding = (await donor.GetRequestFundingAsync(new GetRequestFundingRequest { AssistanceRequest = cofunded.Request })).RequestFunding.Totals;
        var summary = (await donor.GetFundingSummaryAsync(new GetFundingSummaryRequest())).FundingSummary;

        Assert.Equal((10, 90), (requestFunding.AllocatedUsd.Units, requestFunding.GapUsd.Units));
        Assert.Equal((10, 90), (summary.Programme.AllocatedUsd.Units, summary.Programme.GapUsd.Units));
        Assert.Equal([$"donors/{own}"], summary.Donors.Select(group => group.Donor));
    }

    [Fact]
    public async Task A_donors_iati_export_holds_its_own_transactions_and_no_co_funder()
    {
        var (own, cofunded) = await CofundedAsync();

        var xml = (await As(own).ExportIatiActivitiesAsync(new ExportIatiActivitiesRequest())).Xml;

        var activity = Assert.Single(XDocument.Parse(xml).Root!.Elements("iati-activity"));
        Assert.EndsWith(cofunded.Request["requests/".Length..], activity.Element("iati-identifier")!.Value, StringComparison.Ordinal);
        Assert.Equal(["Own donor"], activity.Elements("participating-org").Where(org => org.Attribute("role")?.Value == "1").Select(org => org.Element("narrative")!.Value));
        Assert.Equal(["10"], activity.Elements("transaction").Select(transaction => transaction.Element("value")!.Value));
        Assert.DoesNotContain("Co-funder", xml, StringComparison.Ordinal);
    }

    private sealed record Cofunded(string Request, string OtherDonorId, string OtherPledge, string OtherPledgeId, string OtherAllocation, string OtherAllocationId);

    /// <summary>
    /// One request with a budget of 100 USD funded by two donors (10 USD from the donor under test,
    /// 30 USD from a co-funder, who also funds a request of its own); the donor's id and the rest.
    /// </summary>
    private async Task<(string OwnDonorId, Cofunded Cofunded)> CofundedAsync()
    {
        var ownDonor = await scenario.DonorAsync("Own donor");
        var otherDonor = await scenario.DonorAsync("Co-funder");
        var ownPledge = await PledgeAsync(ownDonor);
        var otherPledge = await PledgeAsync(otherDonor);
        var request = await scenario.RequestAsync(indicativeBudget: Usd(100));
        var othersOnly = await scenario.RequestAsync(indicativeBudget: Usd(500));
        await scenario.Funding.CreateAllocationAsync(FundingScenario.Allocation(ownPledge, request, Usd(10)));
        var otherAllocation = (await scenario.Funding.CreateAllocationAsync(FundingScenario.Allocation(otherPledge, request, Usd(30)))).Allocation;
        await scenario.Funding.CreateAllocationAsync(FundingScenario.Allocation(otherPledge, othersOnly, Usd(40)));
        return (IdOf(ownDonor.Name), new Cofunded(request.Name, IdOf(otherDonor.Name), otherPledge.Name, IdOf(otherPledge.Name), otherAllocation.Name, IdOf(otherAllocation.Name)));
    }

    private async Task<Pledge> PledgeAsync(Donor donor) =>
        await scenario.CommittedAsync(new CreatePledgeRequest { Parent = donor.Name, Pledge = SampleData.Pledge(1_000, "USD") });

    private static (string Donor, string Pledge, string Allocation) ResourcesOf(string pledge, string allocation) =>
        (pledge[..pledge.IndexOf("/pledges/", StringComparison.Ordinal)], pledge, allocation);

    private static Task Call(FundingService.FundingServiceClient donor, string method, (string Donor, string Pledge, string Allocation) names) => method switch
    {
        "GetDonor" => donor.GetDonorAsync(new GetDonorRequest { Name = names.Donor }).ResponseAsync,
        "ListPledges" => donor.ListPledgesAsync(new ListPledgesRequest { Parent = names.Donor }).ResponseAsync,
        "CreatePledge" => donor.CreatePledgeAsync(new CreatePledgeRequest { Parent = names.Donor, Pledge = SampleData.Pledge(1, "USD") }).ResponseAsync,
        "GetPledge" => donor.GetPledgeAsync(new GetPledgeRequest { Name = names.Pledge }).ResponseAsync,
        "GetAllocation" => donor.GetAllocationAsync(new GetAllocationRequest { Name = names.Allocation }).ResponseAsync,
        "ListDisbursements" => donor.ListDisbursementsAsync(new ListDisbursementsRequest { Parent = names.Allocation }).ResponseAsync,
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, null),
    };

    private static string IdOf(string name) => name[(name.LastIndexOf('/') + 1)..];

    private static Money Usd(long units) => new() { CurrencyCode = "USD", Units = units };

    private FundingService.FundingServiceClient As(string donorId) =>
        new(suite.Channel(suite.GatewayGrpcAddress, suite.Tokens.Mint(CallerRole.Donor, $"donor-{donorId}", donorId: donorId)));
}

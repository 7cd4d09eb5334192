using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.Contracts.Funding.V1;
using CapacityBuilding.ServiceDefaults.Identity;
using CapacityBuilding.Testing;
using CapacityBuilding.Tests.Funding;
using CapacityBuilding.Tests.Infrastructure;
using Google.Type;
using Grpc.Core;

namespace CapacityBuilding.Tests.Assistance;

/// <summary>
/// A donor reads only the assistance requests its money funds: those with an ACTIVE allocation
/// from one of its pledges. Another donor's request, an unfunded one and one whose allocation was
/// released answer NOT_FOUND exactly like a request that does not exist, so ids cannot be probed.
/// Assistance asks funding, in direct mode and through the Dapr sidecar stand-in alike.
/// </summary>
[Collection(SuiteDefinition.Name)]
public sealed class DonorVisibilityTests(SuiteFixture suite)
{
    private static readonly Money Ten = new() { CurrencyCode = "USD", Units = 10 };

    private readonly FundingScenario scenario = new(suite);

    public static TheoryData<string> Modes => new() { "direct", "dapr" };

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task A_donor_reads_the_requests_it_funds_and_nothing_else(string mode)
    {
        var own = await scenario.PledgeAsync(100);
        var others = await scenario.PledgeAsync(100);
        var funded = await scenario.RequestAsync();
        var fundedByOthers = await scenario.RequestAsync();
        var unfunded = await scenario.RequestAsync();
        await scenario.Funding.CreateAllocationAsync(FundingScenario.Allocation(own, funded, Ten));
        await scenario.Funding.CreateAllocationAsync(FundingScenario.Allocation(others, fundedByOthers, Ten));
        var donor = AssistanceAs(DonorToken(own), mode);

        Assert.Equal(funded.Name, (await donor.GetAssistanceRequestAsync(new GetAssistanceRequestRequest { Name = funded.Name })).AssistanceRequest.Name);
        var missing = await NotFoundDetailAsync(donor, "requests/0123456789abcdef0123456789abcdef");
        Assert.Equal(missing.Replace("0123456789abcdef0123456789abcdef", Id(fundedByOthers), StringComparison.Ordinal), await NotFoundDetailAsync(donor, fundedByOthers.Name));
        Assert.Equal(missing.Replace("0123456789abcdef0123456789abcdef", Id(unfunded), StringComparison.Ordinal), await NotFoundDetailAsync(donor, unfunded.Name));
        Assert.Equal([funded.Name], await ListAllAsync(donor, new ListAssistanceRequestsRequest()));
    }

    [Fact]
    public async Task Releasing_the_only_allocation_hides_the_request_again()
    {
        var pledge = await scenario.PledgeAsync(100);
        var request = await scenario.RequestAsync();
        var allocation = (await scenario.Funding.CreateAllocationAsync(FundingScenario.Allocation(pledge, request, Ten))).Allocation;
        var donor = AssistanceAs(DonorToken(pledge), "direct");
        await donor.GetAssistanceRequestAsync(new GetAssistanceRequestRequest { Name = request.Name });

        await scenario.Funding.ReleaseAllocationAsync(new ReleaseAllocationRequest { Name = allocation.Name });

        await NotFoundDetailAsync(donor, request.Name);
        Assert.Empty(await ListAllAsync(donor, new ListAssistanceRequestsRequest()));
    }

    [Fact]
    public async Task A_donors_listing_pages_filters_and_orders_newest_first()
    {
        var pledge = await scenario.PledgeAsync(1000);
        var ghana = new List<AssistanceRequest>();
        for (var i = 0; i < 5; i++)
        {
            ghana.Add(await scenario.RequestAsync("GHA"));
        }

        var kenya = await scenario.RequestAsync("KEN");
        foreach (var request in (AssistanceRequest[])[.. ghana, kenya])
        {
            await scenario.Funding.CreateAllocationAsync(FundingScenario.Allocation(pledge, request, Ten));
        }

        // Requests the donor does not fund, interleaved, must not shorten or pad its pages.
        await scenario.RequestAsync("GHA");
        var donor = AssistanceAs(DonorToken(pledge), "direct");
        var ghanaFilter = new ListAssistanceRequestsRequest { RequestingState = "GHA", PageSize = 2 };

        var pages = await PagesAsync(donor, ghanaFilter);

        Assert.Equal([2, 2, 1], pages.Select(page => page.Count));
        var newestFirst = ghana.Select(request => request.Name).Reverse().ToList();
        Assert.Equal(newestFirst, pages.SelectMany(page => page));
        Assert.Equal([kenya.Name, .. newestFirst], await ListAllAsync(donor, new ListAssistanceRequestsRequest { PageSize = 500 }));
    }

    /// <summary>
    /// Assistance reads the donor's funded request ids a page at a time from funding and only those
    /// requests: with a filter that most of them miss, every page but the last is full, each funded
    /// request of the filter comes exactly once, and releasing the donor's last allocation of a
    /// request takes it out while one of two allocations released keeps it in.
    /// </summary>
    [Fact]
    public async Task A_donor_with_many_funded_requests_pages_through_each_exactly_once()
    {
        var pledge = await scenario.PledgeAsync(10_000);
        var other = await scenario.PledgeAsync(1000);
        var ghana = new List<AssistanceRequest>();
        var allocations = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < 14; i++)
        {
            var request = await scenario.RequestAsync(i % 3 == 0 ? "GHA" : "KEN");
            allocations[request.Name] = (await scenario.Funding.CreateAllocationAsync(FundingScenario.Allocation(pledge, request, Ten))).Allocation.Name;
            if (request.RequestingState == "GHA")
            {
                ghana.Add(request);
            }
        }

        var twice = ghana[0];
        await scenario.Funding.CreateAllocationAsync(FundingScenario.Allocation(pledge, twice, Ten));
        await scenario.Funding.CreateAllocationAsync(FundingScenario.Allocation(other, ghana[1], Ten));
        var donor = AssistanceAs(DonorToken(pledge), "direct");
        var ghanaFilter = new ListAssistanceRequestsRequest { RequestingState = "GHA", PageSize = 2 };

        var pages = await PagesAsync(donor, ghanaFilter);

        Assert.Equal([2, 2, 1], pages.Select(page => page.Count));
        Assert.Equal(ghana.Select(request => request.Name).Reverse(), pages.SelectMany(page => page));
        Assert.Equal(14, (await ListAllAsync(donor, new ListAssistanceRequestsRequest { PageSize = 3 })).Count);
        Assert.Equal([ghana[1].Name], await ListAllAsync(AssistanceAs(DonorToken(other), "direct"), new ListAssistanceRequestsRequest()));

        await scenario.Funding.ReleaseAllocationAsync(new ReleaseAllocationRequest { Name = allocations[twice.Name] });
        await scenario.Funding.ReleaseAllocationAsync(new ReleaseAllocationRequest { Name = allocations[ghana[2].Name] });

        var remaining = await ListAllAsync(donor, ghanaFilter);
        Assert.Equal(ghana.Where(request => request != ghana[2]).Select(request => request.Name).Reverse(), remaining);
    }

    [Fact]
    public async Task Funding_lists_a_donors_funded_requests_to_the_donor_and_coordinators_only()
    {
        var own = await scenario.PledgeAsync(100);
        var others = await scenario.PledgeAsync(100);
        var request = await scenario.RequestAsync();
        await scenario.Funding.CreateAllocationAsync(FundingScenario.Allocation(own, request, Ten));
        var parent = own.Name.Split("/pledges/")[0];
        var listing = new ListFundedRequestsRequest { Parent = parent };
        var asDonor = new FundingService.FundingServiceClient(suite.Channel(suite.GatewayGrpcAddress, DonorToken(own)));
        var asOtherDonor = new FundingService.FundingServiceClient(suite.Channel(suite.GatewayGrpcAddress, DonorToken(others)));

        Assert.Equal([request.Name], (await asDonor.ListFundedRequestsAsync(listing)).AssistanceRequests);
        Assert.Equal([request.Name], (await scenario.Funding.ListFundedRequestsAsync(listing)).AssistanceRequests);
        await RichErrors.FailsWith(StatusCode.NotFound, () => asOtherDonor.ListFundedRequestsAsync(listing).ResponseAsync);
    }

    [Fact]
    public async Task A_donor_lists_its_own_allocations_in_full_pages_and_never_another_donors()
    {
        var own = await scenario.PledgeAsync(1000);
        var others = await scenario.PledgeAsync(1000);
        var request = await scenario.RequestAsync();
        var ownAllocations = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            ownAllocations.Add((await scenario.Funding.CreateAllocationAsync(FundingScenario.Allocation(own, request, Ten))).Allocation.Name);
            await scenario.Funding.CreateAllocationAsync(FundingScenario.Allocation(others, request, Ten));
        }

        var donor = new FundingService.FundingServiceClient(suite.Channel(suite.GatewayGrpcAddress, DonorToken(own)));

        var first = await donor.ListAllocationsAsync(new ListAllocationsRequest { PageSize = 2 });
        var second = await donor.ListAllocationsAsync(new ListAllocationsRequest { PageSize = 2, PageToken = first.NextPageToken });

        Assert.Equal(2, first.Allocations.Count);
        Assert.Equal(Enumerable.Reverse(ownAllocations), first.Allocations.Concat(second.Allocations).Select(allocation => allocation.Name));
        Assert.Empty(second.NextPageToken);
        // Another donor's allocations list as those of a donor that does not exist: none.
        var othersListed = await donor.ListAllocationsAsync(new ListAllocationsRequest { Donor = $"donors/{others.Name.Split('/')[1]}" });
        Assert.Empty(othersListed.Allocations);
    }

    [Fact]
    public async Task With_funding_away_a_donor_gets_unavailable_and_other_roles_are_not_affected()
    {
        var pledge = await scenario.PledgeAsync(100);
        var request = await scenario.RequestAsync();
        await scenario.Funding.CreateAllocationAsync(FundingScenario.Allocation(pledge, request, Ten));
        var deadFunding = SuiteFixture.Loopback(FreePort.Next());
        var (process, channel) = await suite.StartExtraAssistanceAsync(SuiteFixture.DirectTo(suite.TrainingAddress, deadFunding));
        await using (process)
        {
            var address = channel.Target;
            var donor = new AssistanceService.AssistanceServiceClient(suite.Channel(new Uri($"http://{address}"), DonorToken(pledge)));
            var coordinator = new AssistanceService.AssistanceServiceClient(channel);
            var get = new GetAssistanceRequestRequest { Name = request.Name };

            var refused = await RichErrors.FailsWith(StatusCode.Unavailable, () => donor.GetAssistanceRequestAsync(get, deadline: System.DateTime.UtcNow.AddSeconds(10)).ResponseAsync);
            Assert.Equal("FUNDING_UNAVAILABLE", refused.ErrorInfo()?.Reason);
            await RichErrors.FailsWith(StatusCode.Unavailable, () => donor.ListAssistanceRequestsAsync(new ListAssistanceRequestsRequest(), deadline: System.DateTime.UtcNow.AddSeconds(10)).ResponseAsync);
            Assert.Equal(request.Name, (await coordinator.GetAssistanceRequestAsync(get)).AssistanceRequest.Name);
        }
    }

    private AssistanceService.AssistanceServiceClient AssistanceAs(string token, string mode) =>
        new(mode == "dapr" ? suite.Channel(suite.DaprModeAssistanceAddress, token) : suite.Channel(suite.GatewayGrpcAddress, token));

    private string DonorToken(Pledge pledge) =>
        suite.Tokens.Mint(CallerRole.Donor, "donor-" + pledge.Name.Split('/')[1], donorId: pledge.Name.Split('/')[1]);

    private static string Id(AssistanceRequest request) => request.Name["requests/".Length..];

    private static async Task<string> NotFoundDetailAsync(AssistanceService.AssistanceServiceClient client, string name) =>
        (await RichErrors.FailsWith(StatusCode.NotFound, () => client.GetAssistanceRequestAsync(new GetAssistanceRequestRequest { Name = name }).ResponseAsync)).Status.Detail;

    private static async Task<List<List<string>>> PagesAsync(AssistanceService.AssistanceServiceClient client, ListAssistanceRequestsRequest request)
    {
        var pages = new List<List<string>>();
        var listing = request.Clone();
        do
        {
            var page = await client.ListAssistanceRequestsAsync(listing);
            pages.Add([.. page.AssistanceRequests.Select(found => found.Name)]);
            listing.PageToken = page.NextPageToken;
        }
        while (listing.PageToken.Length > 0);
        return pages;
    }

    private static async Task<List<string>> ListAllAsync(AssistanceService.AssistanceServiceClient client, ListAssistanceRequestsRequest request) =>
        [.. (await PagesAsync(client, request)).SelectMany(page => page)];
}

using CapacityBuilding.Contracts.Funding.V1;
using CapacityBuilding.Tests.Infrastructure;
using Google.Type;

namespace CapacityBuilding.Tests.Funding;

/// <summary>
/// ListAllocations filtered by both a request and a donor: the request's allocations from other
/// donors lie between the donor's, yet every page but the last is full and the pages together
/// hold the donor's allocations once each, newest first.
/// </summary>
[Collection(SuiteDefinition.Name)]
public sealed class AllocationListPagingTests(SuiteFixture suite)
{
    private readonly FundingScenario scenario = new(suite);

    [Fact]
    public async Task Pages_of_one_donors_allocations_to_one_request_are_full_until_the_last()
    {
        var request = await scenario.RequestAsync();
        var own = await scenario.PledgeAsync(1_000);
        var other = await scenario.PledgeAsync(1_000);
        var ownAllocations = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            ownAllocations.Add((await scenario.Funding.CreateAllocationAsync(FundingScenario.Allocation(own, request, Usd(10)))).Allocation.Name);
            await scenario.Funding.CreateAllocationAsync(FundingScenario.Allocation(other, request, Usd(10)));
        }

        var donor = own.Name[..own.Name.IndexOf("/pledges/", StringComparison.Ordinal)];
        var list = new ListAllocationsRequest { AssistanceRequest = request.Name, Donor = donor, PageSize = 1 };
        var listed = new List<string>();
        do
        {
            var page = await scenario.Funding.ListAllocationsAsync(list);
            Assert.True(page.NextPageToken.Length == 0 || page.Allocations.Count == 1, $"a short page with a next-page token after {listed.Count}");
            listed.AddRange(page.Allocations.Select(allocation => allocation.Name));
            list.PageToken = page.NextPageToken;
        }
        while (list.PageToken.Length > 0);

        Assert.Equal(Enumerable.Reverse(ownAllocations), listed);
    }

    private static Money Usd(long units) => new() { CurrencyCode = "USD", Units = units };
}

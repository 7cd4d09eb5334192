using CapacityBuilding.Contracts.Funding.V1;
using CapacityBuilding.Tests.Infrastructure;
using Google.Type;
using Grpc.Core;

namespace CapacityBuilding.Tests.Funding;

/// <summary>
/// Totals at and beyond the range of google.type.Money (64-bit units): exact up to the edge, a
/// deliberate refusal past it. Past it they once answered INTERNAL (found by fuzzing).
/// </summary>
[Collection(SuiteDefinition.Name)]
public sealed class FundingTotalsRangeTests(SuiteFixture suite)
{
    private readonly FundingScenario scenario = new(suite);

    [Fact]
    public async Task A_total_at_the_top_of_the_range_is_exact_and_one_beyond_it_is_refused_naming_its_currency()
    {
        var request = await scenario.RequestAsync();
        var first = await AllocateAllOfAsync(request);
        var second = (Allocation?)null;
        try
        {
            var atTheTop = (await scenario.Funding.GetRequestFundingAsync(new GetRequestFundingRequest { AssistanceRequest = request.Name })).RequestFunding;
            Assert.Equal([new Money { CurrencyCode = "USD", Units = long.MaxValue }], atTheTop.Totals.Allocated);

            second = await AllocateAllOfAsync(request);

            foreach (var call in new Func<Task>[]
            {
                () => scenario.Funding.GetRequestFundingAsync(new GetRequestFundingRequest { AssistanceRequest = request.Name }).ResponseAsync,
                () => scenario.Funding.GetFundingSummaryAsync(new GetFundingSummaryRequest()).ResponseAsync,
            })
            {
                var refusal = await RichErrors.FailsWith(StatusCode.FailedPrecondition, call);
                Assert.Equal("TOTAL_OUT_OF_RANGE", refusal.ErrorInfo()?.Reason);
                Assert.Equal("USD", refusal.ErrorInfo()?.Metadata["currency_code"]);
            }
        }
        finally
        {
            // Programme summaries add up every allocation and committed pledge in the suite: leave none this large behind.
            foreach (var allocation in new[] { first, second }.OfType<Allocation>())
            {
                await scenario.Funding.ReleaseAllocationAsync(new ReleaseAllocationRequest { Name = allocation.Name });
                await scenario.Funding.CancelPledgeAsync(new CancelPledgeRequest { Name = allocation.Pledge });
            }
        }
    }

    private async Task<Allocation> AllocateAllOfAsync(Contracts.Assistance.V1.AssistanceRequest request)
    {
        var pledge = await scenario.PledgeAsync(long.MaxValue);
        return (await scenario.Funding.CreateAllocationAsync(
            FundingScenario.Allocation(pledge, request, new Money { CurrencyCode = "USD", Units = long.MaxValue }))).Allocation;
    }
}

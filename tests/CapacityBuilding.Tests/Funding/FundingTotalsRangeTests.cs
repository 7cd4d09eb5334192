using CapacityBuilding.Contracts.Funding.V1;
using CapacityBuilding.Tests.Infrastructure;
using Google.Type;
using Grpc.Core;

namespace CapacityBuilding.Tests.Funding;

/// <summary>
/// Totals beyond the range of google.type.Money (64-bit units) are a deliberate refusal naming
/// their currency. Past it they once answered INTERNAL (found by fuzzing). No input reaches it
/// any more (MoneyBoundTests), so the kept totals are put there directly, as totals kept before
/// the bound could be.
/// </summary>
[Collection(SuiteDefinition.Name)]
public sealed class FundingTotalsRangeTests(SuiteFixture suite)
{
    private readonly FundingScenario scenario = new(suite);

    [Fact]
    public async Task A_total_beyond_the_range_is_refused_naming_its_currency()
    {
        var request = await scenario.RequestAsync();
        var pledge = await scenario.PledgeAsync(100);
        await scenario.Funding.CreateAllocationAsync(FundingScenario.Allocation(pledge, request, new Money { CurrencyCode = "USD", Units = 10 }));
        var donorId = pledge.Name.Split('/')[1];

        await using (await TotalsBeyondRange.RequestAsync(suite, request.Name.Split('/')[1], donorId))
        {
            await AssertRefusedAsync(() => scenario.Funding.GetRequestFundingAsync(new GetRequestFundingRequest { AssistanceRequest = request.Name }).ResponseAsync);
        }

        await using (await TotalsBeyondRange.ProgrammeAsync(suite))
        {
            await AssertRefusedAsync(() => scenario.Funding.GetFundingSummaryAsync(new GetFundingSummaryRequest()).ResponseAsync);
        }

        Assert.Equal(10, (await scenario.Funding.GetRequestFundingAsync(new GetRequestFundingRequest { AssistanceRequest = request.Name })).RequestFunding.Totals.Allocated.Single().Units);
    }

    private static async Task AssertRefusedAsync(Func<Task> call)
    {
        var refusal = await RichErrors.FailsWith(StatusCode.FailedPrecondition, call);
        Assert.Equal("TOTAL_OUT_OF_RANGE", refusal.ErrorInfo()?.Reason);
        Assert.Equal("USD", refusal.ErrorInfo()?.Metadata["currency_code"]);
    }
}

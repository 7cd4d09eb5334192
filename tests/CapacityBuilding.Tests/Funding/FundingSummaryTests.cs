using CapacityBuilding.Contracts.Common.V1;
using CapacityBuilding.Contracts.Funding.V1;
using CapacityBuilding.Tests.Infrastructure;
using Google.Type;

namespace CapacityBuilding.Tests.Funding;

/// <summary>Funding per request and per theme, region and donor, converted with the dated rate table.</summary>
[Collection(SuiteDefinition.Name)]
public sealed class FundingSummaryTests(SuiteFixture suite)
{
    // Far in the future so that no other test's rates or allocations change what these see.
    private static readonly Date AsOf = new() { Year = 2090, Month = 6, Day = 1 };

    private readonly FundingScenario scenario = new(suite);

    [Fact]
    public async Task Request_funding_keeps_original_currencies_and_converts_at_the_rate_in_force()
    {
        await scenario.Funding.LoadExchangeRatesAsync(new LoadExchangeRatesRequest
        {
            ExchangeRates =
            {
                Rate("CHF", 2090, 1, 1, 1, 100_000_000),
                Rate("CHF", 2090, 7, 1, 9, 0),
                Rate("CHF", 2089, 1, 1, 5, 0),
            },
        });
        var request = await scenario.RequestAsync(indicativeBudget: Money("CHF", 100, 0));
        await AllocateAsync(request, Money("CHF", 20, 500_000_000));
        await AllocateAsync(request, Money("USD", 3, 0));
        await AllocateAsync(request, Money("EUR", 10, 0));
        var released = await AllocateAsync(request, Money("USD", 1_000, 0));
        await scenario.Funding.ReleaseAllocationAsync(new ReleaseAllocationRequest { Name = released.Name });

        var funding = (await scenario.Funding.GetRequestFundingAsync(new GetRequestFundingRequest { AssistanceRequest = request.Name, AsOf = AsOf })).RequestFunding;

        Assert.Equal([Money("CHF", 20, 500_000_000), Money("EUR", 10, 0), Money("USD", 3, 0)], funding.Totals.Allocated);
        // 20.5 CHF x 1.1 (the 2090-01-01 rate; 2090-07-01 is not yet in force) + 3 USD; EUR has no rate then.
        Assert.Equal(Money("USD", 25, 550_000_000), funding.Totals.AllocatedUsd);
        Assert.Equal(["EUR"], funding.Totals.UnconvertedCurrencies);
        Assert.Equal([Money("CHF", 100, 0)], funding.Totals.IndicativeBudget);
        Assert.Equal(Money("USD", 110, 0), funding.Totals.IndicativeBudgetUsd);
        // The gap counts what could be converted: 110 - 25.55; the EUR allocation is listed above but not in it.
        Assert.Equal(Money("USD", 84, 450_000_000), funding.Totals.GapUsd);
    }

    public static TheoryData<int, int> HalfNanos => new()
    {
        { 5, 2 }, // 2.5 nanos of USD round down to the even 2
        { 7, 4 }, // 3.5 nanos of USD round up to the even 4
        { 9, 4 }, // 4.5 nanos of USD round down to the even 4
    };

    [Theory]
    [MemberData(nameof(HalfNanos))]
    public async Task Conversion_rounds_half_to_even_at_the_nano(int sekNanos, int usdNanos)
    {
        await scenario.Funding.LoadExchangeRatesAsync(new LoadExchangeRatesRequest { ExchangeRates = { Rate("SEK", 2090, 1, 1, 0, 500_000_000) } });
        var request = await scenario.RequestAsync();
        await AllocateAsync(request, Money("SEK", 0, sekNanos));

        var funding = (await scenario.Funding.GetRequestFundingAsync(new GetRequestFundingRequest { AssistanceRequest = request.Name, AsOf = AsOf })).RequestFunding;

        Assert.Equal([Money("SEK", 0, sekNanos)], funding.Totals.Allocated);
        Assert.Equal(Money("USD", 0, usdNanos), funding.Totals.AllocatedUsd);
    }

    [Fact]
    public async Task Programme_summary_groups_by_theme_region_and_donor()
    {
        var donor = await scenario.DonorAsync("Summary donor");
        var pledge = await scenario.CommittedAsync(new CreatePledgeRequest { Parent = donor.Name, Pledge = SampleData.Pledge(1_000, "USD") });
        var request = await scenario.RequestAsync("VNM", [ThematicArea.Network247, ThematicArea.MutualLegalAssistance]);
        await scenario.Funding.CreateAllocationAsync(FundingScenario.Allocation(pledge, request, Money("USD", 40, 0)));

        var summary = (await scenario.Funding.GetFundingSummaryAsync(new GetFundingSummaryRequest { AsOf = AsOf })).FundingSummary;

        var byDonor = Assert.Single(summary.Donors, group => group.Donor == donor.Name);
        Assert.Equal("Summary donor", byDonor.DisplayName);
        Assert.Equal(Money("USD", 40, 0), byDonor.Totals.AllocatedUsd);
        Assert.Contains(summary.Regions, group => group.RegionCode == "035" && group.RegionName == "South-eastern Asia" && group.Totals.AllocatedUsd.Units >= 40);
        Assert.Contains(summary.ThematicAreas, group => group.ThematicArea == ThematicArea.Network247 && group.Totals.AllocatedUsd.Units >= 40);
        Assert.Contains(summary.ThematicAreas, group => group.ThematicArea == ThematicArea.MutualLegalAssistance && group.Totals.AllocatedUsd.Units >= 40);
        Assert.True(summary.Programme.AllocatedUsd.Units >= 40);
    }

    private async Task<Allocation> AllocateAsync(Contracts.Assistance.V1.AssistanceRequest request, Money amount)
    {
        var pledge = await scenario.PledgeAsync(new Money { CurrencyCode = amount.CurrencyCode, Units = 10_000 });
        return (await scenario.Funding.CreateAllocationAsync(FundingScenario.Allocation(pledge, request, amount))).Allocation;
    }

    private static ExchangeRate Rate(string currency, int year, int month, int day, long units, int nanos) => new()
    {
        CurrencyCode = currency,
        EffectiveDate = new Date { Year = year, Month = month, Day = day },
        Rate = Money("USD", units, nanos),
    };

    private static Money Money(string currency, long units, int nanos) => new() { CurrencyCode = currency, Units = units, Nanos = nanos };
}

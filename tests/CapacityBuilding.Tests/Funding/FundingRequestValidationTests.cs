using CapacityBuilding.Contracts.Common.V1;
using CapacityBuilding.Contracts.Funding.V1;
using CapacityBuilding.Tests.Infrastructure;
using Google.Type;
using Grpc.Core;

namespace CapacityBuilding.Tests.Funding;

/// <summary>Every funding method names every bad field of a request in one answer (AIP-193).</summary>
[Collection(SuiteDefinition.Name)]
public sealed class FundingRequestValidationTests(SuiteFixture suite)
{
    private readonly FundingService.FundingServiceClient funding = new(suite.Gateway);

    [Fact]
    public async Task Pledge_terms_name_every_bad_field()
    {
        var donor = (await funding.CreateDonorAsync(new CreateDonorRequest { Donor = SampleData.Donor() })).Donor;
        var pledge = new Pledge
        {
            Amount = new Money { CurrencyCode = "USD", Units = 5 },
            ValidFrom = new Date { Year = 2026, Month = 12, Day = 31 },
            ValidUntil = new Date { Year = 2026, Month = 1, Day = 1 },
            Earmarks = new Earmarks
            {
                ThematicAreas = { ThematicArea.Legislation, ThematicArea.Legislation },
                Regions = { "202", "999" },
                Countries = { "GHA", "XXX" },
            },
        };

        var failure = await RichErrors.FailsWith(StatusCode.InvalidArgument, () =>
            funding.CreatePledgeAsync(new CreatePledgeRequest { Parent = donor.Name, Pledge = pledge }).ResponseAsync);

        Assert.Equal(
            ["pledge.valid_until", "pledge.earmarks.thematic_areas[1]", "pledge.earmarks.regions[1]", "pledge.earmarks.countries[1]"],
            failure.ViolatedFields());
    }

    [Fact]
    public async Task Pledge_without_validity_names_both_dates()
    {
        var donor = (await funding.CreateDonorAsync(new CreateDonorRequest { Donor = SampleData.Donor() })).Donor;

        var failure = await RichErrors.FailsWith(StatusCode.InvalidArgument, () => funding.CreatePledgeAsync(new CreatePledgeRequest
        {
            Parent = donor.Name,
            Pledge = new Pledge { Amount = new Money { CurrencyCode = "USD", Units = 5 }, ValidFrom = new Date { Year = 2026, Month = 13, Day = 1 } },
        }).ResponseAsync);

        Assert.Equal(["pledge.valid_from", "pledge.valid_until"], failure.ViolatedFields());
    }

    [Fact]
    public async Task Allocation_names_every_bad_field()
    {
        var failure = await RichErrors.FailsWith(StatusCode.InvalidArgument, () => funding.CreateAllocationAsync(new CreateAllocationRequest
        {
            Allocation = new Allocation { Pledge = "pledges/1", AssistanceRequest = "", Amount = new Money { CurrencyCode = "EUR" } },
            RequestId = new string('r', 101),
        }).ResponseAsync);

        Assert.Equal(["request_id", "allocation.pledge", "allocation.assistance_request", "allocation.amount"], failure.ViolatedFields());
    }

    [Fact]
    public async Task Donor_iati_identifier_must_be_well_formed()
    {
        var donor = SampleData.Donor("Badly identified", "not an identifier");

        var failure = await RichErrors.FailsWith(StatusCode.InvalidArgument, () =>
            funding.CreateDonorAsync(new CreateDonorRequest { Donor = donor }).ResponseAsync);

        Assert.Equal(["donor.iati_identifier"], failure.ViolatedFields());
    }

    [Fact]
    public async Task Exchange_rates_load_all_or_nothing()
    {
        var good = new ExchangeRate { CurrencyCode = "NOK", EffectiveDate = new Date { Year = 2001, Month = 1, Day = 1 }, Rate = Usd(0, 100_000_000) };
        var request = new LoadExchangeRatesRequest
        {
            ExchangeRates =
            {
                good,
                new ExchangeRate { CurrencyCode = "USD", EffectiveDate = good.EffectiveDate, Rate = Usd(1, 0) },
                new ExchangeRate { CurrencyCode = "NOK", EffectiveDate = good.EffectiveDate, Rate = new Money { CurrencyCode = "EUR", Units = 1 } },
                new ExchangeRate { CurrencyCode = "SEK", Rate = Usd(0, 0) },
            },
        };

        var failure = await RichErrors.FailsWith(StatusCode.InvalidArgument, () => funding.LoadExchangeRatesAsync(request).ResponseAsync);

        Assert.Equal(
            ["exchange_rates[1].currency_code", "exchange_rates[2].rate.currency_code", "exchange_rates[2]", "exchange_rates[3].effective_date", "exchange_rates[3].rate"],
            failure.ViolatedFields());
        Assert.DoesNotContain((await funding.ListExchangeRatesAsync(new ListExchangeRatesRequest { CurrencyCode = "NOK" })).ExchangeRates,
            rate => rate.EffectiveDate.Year == 2001);
    }

    private static Money Usd(long units, int nanos) => new() { CurrencyCode = "USD", Units = units, Nanos = nanos };
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CapacityBuilding.Contracts.Funding.V1;
using CapacityBuilding.Tests.Infrastructure;
using Google.Type;
using Grpc.Core;

namespace CapacityBuilding.Tests.Funding;

/// <summary>
/// Every money input of funding is at most MoneyLimits.MaxUnits (10^12 units): a larger one is
/// refused naming its field, over gRPC and over REST, and nothing is stored. Before the bound a
/// near-long.MaxValue pledge put every programme total out of range (TOTAL_OUT_OF_RANGE for everybody).
/// </summary>
[Collection(SuiteDefinition.Name)]
public sealed class MoneyBoundTests(SuiteFixture suite)
{
    private static readonly Money BeyondTheBound = new() { CurrencyCode = "USD", Units = 1_000_000_000_000, Nanos = 1 };

    private readonly FundingScenario scenario = new(suite);

    public static TheoryData<string> Inputs => ["pledge", "allocation", "contribution", "disbursement", "exchange rate"];

    [Theory]
    [MemberData(nameof(Inputs))]
    public async Task An_amount_beyond_the_bound_is_refused_naming_its_field(string input)
    {
        var pledge = await scenario.PledgeAsync(1_000);
        var request = await scenario.RequestAsync();
        var allocation = (await scenario.Funding.CreateAllocationAsync(
            FundingScenario.Allocation(pledge, request, new Money { CurrencyCode = "USD", Units = 10 }))).Allocation;
        var (field, call) = input switch
        {
            "pledge" => Case("pledge.amount", () => scenario.Funding.CreatePledgeAsync(new CreatePledgeRequest
            {
                Parent = pledge.Name[..pledge.Name.IndexOf("/pledges/", StringComparison.Ordinal)],
                Pledge = new Pledge { Amount = BeyondTheBound, ValidFrom = pledge.ValidFrom, ValidUntil = pledge.ValidUntil },
            }).ResponseAsync),
            "allocation" => Case("allocation.amount", () => scenario.Funding.CreateAllocationAsync(
                FundingScenario.Allocation(pledge, request, BeyondTheBound)).ResponseAsync),
            "contribution" => Case("contribution.amount", () => scenario.Funding.CreateContributionAsync(new CreateContributionRequest
            {
                Parent = pledge.Name,
                Contribution = new Contribution { Amount = BeyondTheBound, ReceivedDate = FundingScenario.Today },
            }).ResponseAsync),
            "disbursement" => Case("disbursement.amount", () => scenario.Funding.CreateDisbursementAsync(new CreateDisbursementRequest
            {
                Parent = allocation.Name,
                Disbursement = new Disbursement { Amount = BeyondTheBound, DisbursementDate = FundingScenario.Today },
            }).ResponseAsync),
            _ => Case("exchange_rates[0].rate", () => scenario.Funding.LoadExchangeRatesAsync(new LoadExchangeRatesRequest
            {
                ExchangeRates = { new ExchangeRate { CurrencyCode = "GBP", EffectiveDate = new Date { Year = 2093, Month = 1, Day = 1 }, Rate = BeyondTheBound } },
            }).ResponseAsync),
        };

        var refusal = await RichErrors.FailsWith(StatusCode.InvalidArgument, call);

        Assert.Equal([field], refusal.ViolatedFields());
        Assert.Equal("INVALID_ARGUMENT", refusal.ErrorInfo()?.Reason);
        Assert.Equal(990, (await scenario.RemainingAsync(pledge)).Units);
    }

    [Fact]
    public async Task A_pledge_of_long_MaxValue_over_rest_answers_400_naming_the_amount()
    {
        var donor = await scenario.DonorAsync();

        using var response = await suite.GatewayRest.PostAsJsonAsync($"/v1/{donor.Name}/pledges", new
        {
            amount = new { currencyCode = "USD", units = long.MaxValue.ToString(System.Globalization.CultureInfo.InvariantCulture), nanos = 0 },
            validFrom = new { year = 2026, month = 1, day = 1 },
            validUntil = new { year = 2028, month = 12, day = 31 },
        });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(
            ["pledge.amount"],
            body.GetProperty("details").EnumerateArray()
                .Where(detail => detail.GetProperty("@type").GetString()!.EndsWith("google.rpc.BadRequest", StringComparison.Ordinal))
                .SelectMany(detail => detail.GetProperty("fieldViolations").EnumerateArray())
                .Select(violation => violation.GetProperty("field").GetString()));
        Assert.Empty((await scenario.Funding.ListPledgesAsync(new ListPledgesRequest { Parent = donor.Name })).Pledges);
    }

    private static (string Field, Func<Task> Call) Case(string field, Func<Task> call) => (field, call);
}

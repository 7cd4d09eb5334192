using CapacityBuilding.Contracts.Funding.V1;
using CapacityBuilding.Tests.Infrastructure;
using Google.Type;
using Grpc.Core;

namespace CapacityBuilding.Tests.Funding;

/// <summary>Money is exact and well-formed or refused; donors and pledges name their bad fields.</summary>
[Collection(SuiteDefinition.Name)]
public sealed class FundingValidationTests(SuiteFixture suite)
{
    private readonly FundingService.FundingServiceClient funding = new(suite.Gateway);

    public static TheoryData<string, Money?, string> InvalidAmounts => new()
    {
        { "no amount", null, "pledge.amount" },
        { "zero", new Money { CurrencyCode = "USD" }, "pledge.amount" },
        { "negative", new Money { CurrencyCode = "USD", Units = -5 }, "pledge.amount" },
        { "not a currency", new Money { CurrencyCode = "ABC", Units = 5 }, "pledge.amount.currency_code" },
        { "gold is not a currency here", new Money { CurrencyCode = "XAU", Units = 5 }, "pledge.amount.currency_code" },
        { "lower-case currency", new Money { CurrencyCode = "usd", Units = 5 }, "pledge.amount.currency_code" },
        { "nanos out of range", new Money { CurrencyCode = "USD", Units = 1, Nanos = 1_000_000_000 }, "pledge.amount.nanos" },
        { "mixed signs", new Money { CurrencyCode = "USD", Units = 1, Nanos = -1 }, "pledge.amount.nanos" },
        { "a nano beyond the bound", new Money { CurrencyCode = "USD", Units = 1_000_000_000_000, Nanos = 1 }, "pledge.amount" },
        { "the top of google.type.Money", new Money { CurrencyCode = "USD", Units = long.MaxValue, Nanos = 999_999_999 }, "pledge.amount" },
    };

    [Theory]
    [MemberData(nameof(InvalidAmounts))]
    public async Task Invalid_amount_is_refused_naming_the_field(string @case, Money? amount, string expectedField)
    {
        var donor = (await funding.CreateDonorAsync(new CreateDonorRequest { Donor = SampleData.Donor(@case) })).Donor;

        var failure = await RichErrors.FailsWith(StatusCode.InvalidArgument, () =>
            funding.CreatePledgeAsync(new CreatePledgeRequest { Parent = donor.Name, Pledge = WithAmount(amount) }).ResponseAsync);

        Assert.Equal([expectedField], failure.ViolatedFields());
        Assert.Empty((await funding.ListPledgesAsync(new ListPledgesRequest { Parent = donor.Name })).Pledges);
    }

    /// <summary>A nano below the bound (MoneyLimits) is kept exactly: 21 significant digits, more than a double holds.</summary>
    [Fact]
    public async Task Amount_with_nanos_is_kept_exactly()
    {
        var donor = (await funding.CreateDonorAsync(new CreateDonorRequest { Donor = SampleData.Donor() })).Donor;
        var amount = new Money { CurrencyCode = "JPY", Units = 999_999_999_999, Nanos = 999_999_999 };

        var pledge = (await funding.CreatePledgeAsync(new CreatePledgeRequest { Parent = donor.Name, Pledge = WithAmount(amount) })).Pledge;
        var read = (await funding.GetPledgeAsync(new GetPledgeRequest { Name = pledge.Name })).Pledge;

        Assert.Equal(amount, read.Amount);
    }

    [Fact]
    public async Task State_donor_needs_a_country()
    {
        var failure = await RichErrors.FailsWith(StatusCode.InvalidArgument, () =>
            funding.CreateDonorAsync(new CreateDonorRequest { Donor = new Donor { DisplayName = "Somewhere", Kind = Donor.Types.Kind.State } }).ResponseAsync);

        Assert.Equal(["donor.country"], failure.ViolatedFields());
    }

    [Fact]
    public async Task Pledge_for_a_missing_donor_is_not_found()
    {
        var failure = await RichErrors.FailsWith(StatusCode.NotFound, () =>
            funding.CreatePledgeAsync(new CreatePledgeRequest { Parent = "donors/0123456789abcdef0123456789abcdef", Pledge = SampleData.Pledge() }).ResponseAsync);

        Assert.Equal("RESOURCE_NOT_FOUND", failure.ErrorInfo()?.Reason);
    }

    [Fact]
    public async Task Pledge_is_not_found_under_another_donor()
    {
        var owner = (await funding.CreateDonorAsync(new CreateDonorRequest { Donor = SampleData.Donor("Owner") })).Donor;
        var other = (await funding.CreateDonorAsync(new CreateDonorRequest { Donor = SampleData.Donor("Other") })).Donor;
        var pledge = (await funding.CreatePledgeAsync(new CreatePledgeRequest { Parent = owner.Name, Pledge = SampleData.Pledge() })).Pledge;
        var pledgeId = pledge.Name.Split('/')[^1];

        await RichErrors.FailsWith(StatusCode.NotFound, () =>
            funding.GetPledgeAsync(new GetPledgeRequest { Name = $"{other.Name}/pledges/{pledgeId}" }).ResponseAsync);
    }

    private static Pledge WithAmount(Money? amount)
    {
        var pledge = SampleData.Pledge();
        pledge.Amount = amount;
        return pledge;
    }
}

using CapacityBuilding.Contracts.Funding.V1;
using CapacityBuilding.ServiceDefaults.Errors;
using CapacityBuilding.ServiceDefaults.Identity;
using CapacityBuilding.Tests.Infrastructure;
using Google.Type;
using Grpc.Core;

namespace CapacityBuilding.Tests.Funding;

/// <summary>
/// Paid contributions, counted apart from the commitment they pay as the Financial Tracking
/// Service counts them: only against a committed pledge, in its currency, received by today, never
/// more than the pledge in all; each is on the pledge's tamper-evident ledger.
/// </summary>
[Collection(SuiteDefinition.Name)]
public sealed class ContributionTests(SuiteFixture suite)
{
    private readonly FundingScenario scenario = new(suite);

    [Fact]
    public async Task Contributions_add_up_on_the_pledge_and_its_ledger_and_never_beyond_its_amount()
    {
        var pledge = await scenario.PledgeAsync(100);

        var first = await ContributeAsync(pledge, Usd(60), "first tranche");
        var second = await ContributeAsync(pledge, Usd(39, 500_000_000));
        var refusal = await RichErrors.FailsWith(StatusCode.FailedPrecondition, () => ContributeAsync(pledge, Usd(0, 500_000_001)));
        var exact = await ContributeAsync(pledge, Usd(0, 500_000_000));

        Assert.Equal(ErrorReasons.ContributionsExceedPledge, refusal.ErrorInfo()?.Reason);
        Assert.Equal("0.5 USD", refusal.ErrorInfo()?.Metadata["unpaid"]);
        var read = (await scenario.Funding.GetPledgeAsync(new GetPledgeRequest { Name = pledge.Name })).Pledge;
        Assert.Equal(Usd(100), read.Paid);
        Assert.Equal(Usd(100), read.RemainingBalance);
        var listed = (await scenario.Funding.ListContributionsAsync(new ListContributionsRequest { Parent = pledge.Name })).Contributions;
        Assert.Equal([exact.Name, second.Name, first.Name], listed.Select(contribution => contribution.Name));
        Assert.Equal("first tranche", listed[^1].Description);
        var verdict = await scenario.Funding.VerifyPledgeLedgerAsync(new VerifyPledgeLedgerRequest { Name = pledge.Name });
        Assert.Equal((true, 5L), (verdict.Intact, verdict.CheckedEntries));
    }

    [Fact]
    public async Task A_contribution_needs_a_committed_pledge_its_currency_and_a_day_not_in_the_future()
    {
        var pledged = await scenario.PledgeAsync(100, committed: false);
        var committed = await scenario.PledgeAsync(100);

        var notCommitted = await RichErrors.FailsWith(StatusCode.FailedPrecondition, () => ContributeAsync(pledged, Usd(10)));
        var currency = await RichErrors.FailsWith(StatusCode.InvalidArgument,
            () => ContributeAsync(committed, new Money { CurrencyCode = "EUR", Units = 10 }));
        var future = await RichErrors.FailsWith(StatusCode.InvalidArgument,
            () => ContributeAsync(committed, Usd(10), received: FundingScenario.FromDateTime(System.DateTime.UtcNow.AddDays(2))));

        Assert.Equal(ErrorReasons.PledgeNotCommitted, notCommitted.ErrorInfo()?.Reason);
        Assert.Equal(["contribution.amount.currency_code"], currency.ViolatedFields());
        Assert.Equal(["contribution.received_date"], future.ViolatedFields());
        Assert.Equal(0, (await scenario.Funding.GetPledgeAsync(new GetPledgeRequest { Name = committed.Name })).Pledge.Paid.Units);
    }

    [Fact]
    public async Task The_donor_lists_its_own_contributions_and_another_donor_finds_none()
    {
        var own = await scenario.PledgeAsync(100);
        var others = await scenario.PledgeAsync(100);
        var contribution = await ContributeAsync(own, Usd(25));
        await ContributeAsync(others, Usd(25));
        var donorId = own.Name.Split('/')[1];
        var donor = new FundingService.FundingServiceClient(
            suite.Channel(suite.GatewayGrpcAddress, suite.Tokens.Mint(CallerRole.Donor, $"donor-{donorId}", donorId: donorId)));
        var auditor = new FundingService.FundingServiceClient(suite.Channel(suite.GatewayGrpcAddress, suite.Tokens.Mint(CallerRole.Auditor, "auditor")));

        var listed = (await donor.ListContributionsAsync(new ListContributionsRequest { Parent = own.Name })).Contributions;
        await RichErrors.FailsWith(StatusCode.NotFound, () => donor.ListContributionsAsync(new ListContributionsRequest { Parent = others.Name }).ResponseAsync);
        await RichErrors.FailsWith(StatusCode.PermissionDenied, () => donor.CreateContributionAsync(new CreateContributionRequest
        {
            Parent = own.Name,
            Contribution = new Contribution { Amount = Usd(1), ReceivedDate = FundingScenario.Today },
        }).ResponseAsync);

        Assert.Equal([contribution], listed);
        Assert.Equal([contribution], (await auditor.ListContributionsAsync(new ListContributionsRequest { Parent = own.Name })).Contributions);
    }

    [Fact]
    public async Task Parallel_contributions_never_add_up_to_more_than_the_pledge()
    {
        var pledge = await scenario.PledgeAsync(100);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 300).Select(async i =>
        {
            try
            {
                await scenario.Direct.CreateContributionAsync(new CreateContributionRequest
                {
                    Parent = pledge.Name,
                    Contribution = new Contribution { Amount = Usd(1 + (i % 3)), ReceivedDate = FundingScenario.Today },
                });
                return 1 + (i % 3);
            }
            catch (RpcException refusal) when (refusal.ErrorInfo()?.Reason == ErrorReasons.ContributionsExceedPledge)
            {
                return 0;
            }
        }));

        var paid = (await scenario.Funding.GetPledgeAsync(new GetPledgeRequest { Name = pledge.Name })).Pledge.Paid;
        Assert.Equal(outcomes.Sum(), paid.Units);
        Assert.InRange(paid.Units, 98, 100);
        Assert.True((await scenario.Funding.VerifyPledgeLedgerAsync(new VerifyPledgeLedgerRequest { Name = pledge.Name })).Intact);
    }

    private async Task<Contribution> ContributeAsync(Pledge pledge, Money amount, string description = "", Date? received = null) =>
        (await scenario.Funding.CreateContributionAsync(new CreateContributionRequest
        {
            Parent = pledge.Name,
            Contribution = new Contribution { Amount = amount, ReceivedDate = received ?? FundingScenario.Today, Description = description },
        })).Contribution;

    private static Money Usd(long units, int nanos = 0) => new() { CurrencyCode = "USD", Units = units, Nanos = nanos };
}

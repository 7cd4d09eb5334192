using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.Contracts.Funding.V1;
using CapacityBuilding.ServiceDefaults.Identity;
using CapacityBuilding.Tests.Infrastructure;
using Google.Type;
using Grpc.Core;
using AllocationState = CapacityBuilding.Contracts.Funding.V1.Allocation.Types.State;
using PledgeState = CapacityBuilding.Contracts.Funding.V1.Pledge.Types.State;

namespace CapacityBuilding.Tests.Funding;

/// <summary>
/// The report totals the money-moving scripts keep equal a recomputation from the records after
/// many parallel allocations, proposals, confirmations, releases, disbursements and contributions:
/// each request's funding and the donor's own summary, figure by figure.
/// </summary>
[Collection(SuiteDefinition.Name)]
public sealed class FundingTotalsConsistencyTests(SuiteFixture suite)
{
    private readonly FundingScenario scenario = new(suite);

    [Fact]
    public async Task Totals_kept_under_parallel_changes_equal_the_records_recounted()
    {
        var donor = await scenario.DonorAsync();
        var pledges = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ =>
            scenario.CommittedAsync(new CreatePledgeRequest { Parent = donor.Name, Pledge = PledgeOf(5_000) })));
        await scenario.Funding.CreatePledgeAsync(new CreatePledgeRequest { Parent = donor.Name, Pledge = PledgeOf(700) });
        AssistanceRequest[] requests = [await scenario.RequestAsync(), await scenario.RequestAsync(), await scenario.RequestAsync()];

        var created = await Task.WhenAll(Enumerable.Range(0, 120).Select(i =>
        {
            var amount = new Money { CurrencyCode = "USD", Units = 1 + (i % 7), Nanos = 125_000_000 * (i % 8) };
            var call = i % 3 == 0
                ? FundingScenario.Proposal(pledges[i % 2], requests[i % 3], amount)
                : FundingScenario.Allocation(pledges[i % 2], requests[i % 3], amount);
            return scenario.Direct.CreateAllocationAsync(call).ResponseAsync;
        }));
        var changes = created.Select((response, i) => ChangeAsync(response.Allocation, i))
            .Concat(Enumerable.Range(0, 40).Select(i => ContributeAsync(pledges[i % 2], i)));
        await Task.WhenAll(changes);

        foreach (var request in requests)
        {
            var records = await scenario.AllocationsOfAsync(request);
            var totals = (await scenario.Funding.GetRequestFundingAsync(new GetRequestFundingRequest { AssistanceRequest = request.Name })).RequestFunding.Totals;
            AssertRecounted(records, totals);
        }

        var donorId = donor.Name.Split('/')[1];
        var asDonor = new FundingService.FundingServiceClient(
            suite.Channel(suite.GatewayGrpcAddress, suite.Tokens.Mint(CallerRole.Donor, $"donor-{donorId}", donorId: donorId)));
        var own = Assert.Single((await asDonor.GetFundingSummaryAsync(new GetFundingSummaryRequest())).FundingSummary.Donors).Totals;
        var allocations = (await scenario.Funding.ListAllocationsAsync(new ListAllocationsRequest { Donor = donor.Name, PageSize = 1_000 })).Allocations;
        AssertRecounted(allocations, own);
        var stored = (await scenario.Funding.ListPledgesAsync(new ListPledgesRequest { Parent = donor.Name })).Pledges;
        Assert.Equal(Sum(stored.Where(pledge => pledge.State == PledgeState.Pledged).Select(pledge => pledge.Amount)), Sum(own.Pledged));
        Assert.Equal(Sum(stored.Where(pledge => pledge.State == PledgeState.Committed).Select(pledge => pledge.Amount)), Sum(own.Committed));
        var paid = 0m;
        foreach (var pledge in stored)
        {
            paid += Sum((await scenario.Funding.ListContributionsAsync(new ListContributionsRequest { Parent = pledge.Name })).Contributions.Select(c => c.Amount));
        }

        Assert.Equal(paid, Sum(own.Paid));
    }

    private static void AssertRecounted(IEnumerable<Allocation> records, FundingTotals totals)
    {
        var list = records.ToList();
        Assert.Equal(Sum(list.Where(a => a.State == AllocationState.Active).Select(a => a.Amount)), Sum(totals.Allocated));
        Assert.Equal(Sum(list.Where(a => a.State == AllocationState.Proposed).Select(a => a.Amount)), Sum(totals.Offered));
        Assert.Equal(Sum(list.Select(a => a.Disbursed).OfType<Money>()), Sum(totals.Disbursed));
    }

    /// <summary>One change per allocation, all in parallel: confirm or release a proposal; release or disburse (twice) an allocation.</summary>
    private async Task ChangeAsync(Allocation allocation, int i)
    {
        try
        {
            switch (allocation.State, i % 4)
            {
                case (AllocationState.Proposed, 0 or 1):
                    await scenario.AssistanceAsService.ConfirmAllocationAsync(new ConfirmAllocationRequest { Name = allocation.Name });
                    break;
                case (_, 2):
                    await scenario.Direct.ReleaseAllocationAsync(new ReleaseAllocationRequest { Name = allocation.Name, Etag = allocation.Etag });
                    break;
                case (AllocationState.Active, _):
                    await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => scenario.Direct.CreateDisbursementAsync(new CreateDisbursementRequest
                    {
                        Parent = allocation.Name,
                        Disbursement = new Disbursement { Amount = new Money { CurrencyCode = "USD", Units = 0, Nanos = 500_000_000 }, DisbursementDate = FundingScenario.Today },
                    }).ResponseAsync));
                    break;
            }
        }
        catch (RpcException refusal) when (refusal.StatusCode is StatusCode.FailedPrecondition or StatusCode.Aborted)
        {
            // Refused changes (a stale etag, more than is left) change nothing: the recount says so.
        }
    }

    private async Task ContributeAsync(Pledge pledge, int i) =>
        await scenario.Direct.CreateContributionAsync(new CreateContributionRequest
        {
            Parent = pledge.Name,
            Contribution = new Contribution { Amount = new Money { CurrencyCode = "USD", Units = 1 + (i % 4), Nanos = 250_000_000 }, ReceivedDate = FundingScenario.Today },
        });

    private static Pledge PledgeOf(long units) => new()
    {
        Amount = new Money { CurrencyCode = "USD", Units = units },
        ValidFrom = FundingScenario.FromDateTime(System.DateTime.UtcNow.AddDays(-30)),
        ValidUntil = FundingScenario.FromDateTime(System.DateTime.UtcNow.AddDays(365)),
    };

    private static decimal Sum(IEnumerable<Money> amounts) => amounts.Sum(FundingScenario.ToDecimal);
}

using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.Contracts.Common.V1;
using CapacityBuilding.Contracts.Funding.V1;
using CapacityBuilding.ServiceDefaults.Identity;
using CapacityBuilding.Tests.Assistance;
using CapacityBuilding.Tests.Infrastructure;
using Google.Type;
using Grpc.Core;
using AllocationState = CapacityBuilding.Contracts.Funding.V1.Allocation.Types.State;

namespace CapacityBuilding.Tests.Funding;

/// <summary>
/// A donor's summary gives the budgets of the requests its money funds from sums the money-moving
/// scripts keep per donor: after many parallel allocations, proposals, confirmations, releases,
/// disbursements, closures and withdrawals, each donor's budgets equal those recounted the old way
/// (its funded requests read one by one and added up, <see cref="BudgetRecount"/>), and no donor's
/// figures hold a budget of a request only another donor funds.
/// </summary>
[Collection(SuiteDefinition.Name)]
public sealed class DonorBudgetsTests(SuiteFixture suite)
{
    private readonly FundingScenario scenario = new(suite);
    private readonly AssistanceService.AssistanceServiceClient coordinator = RequestLifecycleDriver.Coordinator(suite, "donor-budgets-coordinator");

    [Fact]
    public async Task Each_donors_budgets_kept_under_parallel_changes_equal_its_funded_requests_recounted()
    {
        var donors = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => scenario.DonorAsync()));
        var pledges = await Task.WhenAll(donors.Select(donor => scenario.CommittedAsync(new CreatePledgeRequest { Parent = donor.Name, Pledge = PledgeOf(10_000) })));
        AssistanceRequest[] requests =
        [
            await scenario.RequestAsync("GHA"),
            await scenario.RequestAsync("KEN", [ThematicArea.Legislation, ThematicArea.MutualLegalAssistance], indicativeBudget: new Money { CurrencyCode = "EUR", Units = 90_000, Nanos = 500_000_000 }),
            await scenario.RequestAsync("PRY", [ThematicArea.Prevention]),
            await ApprovedWithBudgetAsync("KEN", new Money { CurrencyCode = "USD", Units = 150_000, Nanos = 250_000_000 }),
            await ApprovedWithBudgetAsync("GHA", new Money { CurrencyCode = "GBP", Units = 1_000_000_000_000 }),
        ];
        var onlyFirst = await scenario.RequestAsync("VNM", [ThematicArea.OnlineChildProtection], indicativeBudget: new Money { CurrencyCode = "JPY", Units = 7_000_000 });
        await scenario.Funding.CreateAllocationAsync(FundingScenario.Allocation(pledges[0], onlyFirst, new Money { CurrencyCode = "USD", Units = 3 }));

        var created = await Task.WhenAll(Enumerable.Range(0, 60).Select(i =>
        {
            var amount = new Money { CurrencyCode = "USD", Units = 1 + (i % 3) };
            var call = i % 4 == 0
                ? FundingScenario.Proposal(pledges[i % 2], requests[i % requests.Length], amount)
                : FundingScenario.Allocation(pledges[i % 2], requests[i % requests.Length], amount);
            return scenario.Direct.CreateAllocationAsync(call).ResponseAsync;
        }));
        await Task.WhenAll(created.Select((response, i) => ChangeAsync(response.Allocation, i))
            .Concat(requests.Select((request, i) => i % 2 == 0 ? TryWithdrawAsync(request) : CloseAndReopenAsync(request, i))));

        // One withdrawal that must succeed, its donors' money paid out in full: still funded, no longer counted.
        await PayOutAsync(requests[1]);
        await TryWithdrawAsync(requests[1]);
        Assert.Equal(AssistanceRequest.Types.State.Withdrawn, (await GetAsync(requests[1].Name)).State);

        // A withdrawal that fails after funding closed the request: out of its donors' budgets while
        // closed (donors[0]'s 19th allocation to it stays ACTIVE), back in once the closure is taken back.
        await PayOutAsync(requests[3]);
        var before = (await SummaryOfAsync(donors[0].Name)).Programme.Budget;
        var closure = new CloseRequestFundingRequest { AssistanceRequest = requests[3].Name, ClosureId = "donor-budgets-failed-withdrawal" };
        await scenario.AssistanceAsService.CloseRequestFundingAsync(closure);
        Assert.NotEqual(before, (await SummaryOfAsync(donors[0].Name)).Programme.Budget);
        await scenario.AssistanceAsService.ReopenRequestFundingAsync(new ReopenRequestFundingRequest { AssistanceRequest = closure.AssistanceRequest, ClosureId = closure.ClosureId });
        Assert.Equal(before, (await SummaryOfAsync(donors[0].Name)).Programme.Budget);

        foreach (var donor in donors)
        {
            await AssertRecountedAsync(donor.Name);
        }

        var second = await SummaryOfAsync(donors[1].Name);
        Assert.DoesNotContain(second.ThematicAreas, area => area.ThematicArea == ThematicArea.OnlineChildProtection);
        Assert.DoesNotContain(second.Programme.IndicativeBudget, money => money.CurrencyCode == "JPY");
        Assert.Contains((await SummaryOfAsync(donors[0].Name)).Programme.IndicativeBudget, money => money.CurrencyCode == "JPY");
    }

    [Fact]
    public async Task A_funding_process_starting_on_older_data_counts_each_funded_request_into_its_donors_budgets_once()
    {
        var pledge = await scenario.PledgeAsync(100);
        var donor = string.Join('/', pledge.Name.Split('/')[..2]);
        var request = await scenario.RequestAsync("KEN", [ThematicArea.MutualLegalAssistance]);
        var withdrawn = await scenario.RequestAsync("SEN");
        foreach (var funded in new[] { request, request, withdrawn })
        {
            await scenario.Funding.CreateAllocationAsync(FundingScenario.Allocation(pledge, funded, new Money { CurrencyCode = "USD", Units = 2 }));
        }

        // Withdrawn once its money was paid out in full: still funded by the donor, in none of its budgets.
        await PayOutAsync(withdrawn);
        await TryWithdrawAsync(withdrawn);
        Assert.Equal(AssistanceRequest.Types.State.Withdrawn, (await GetAsync(withdrawn.Name)).State);

        // As a version without the donors' budget sums stored it: none of their keys.
        var (donorId, requestIds) = (donor.Split('/')[1], new[] { request.Name.Split('/')[1], withdrawn.Name.Split('/')[1] });
        await using var redis = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(suite.Redis.ConnectionString);
        var database = redis.GetDatabase();
        await database.KeyDeleteAsync([$"funding:totals:donors:{donorId}:budgets", $"funding:donors:{donorId}:budgeted-requests",
            .. requestIds.SelectMany(id => new StackExchange.Redis.RedisKey[] { $"funding:requests:{id}:budget-entries", $"funding:requests:{id}:funding-donors" })]);
        Assert.Empty((await SummaryOfAsync(donor)).Programme.IndicativeBudget);

        await FundingMigrationRuns.RunAgainAsync(suite, database, "funding:migrations:donor-budgets");
        await FundingMigrationRuns.RunAgainAsync(suite, database, "funding:migrations:donor-budgets");

        var programme = (await SummaryOfAsync(donor)).Programme;
        Assert.Equal(RequestLifecycleDriver.CompleteRequest().IndicativeBudget, Assert.Single(programme.IndicativeBudget));
        Assert.Equal(BudgetBasis.Indicative, programme.BudgetBasis);
        await AssertRecountedAsync(donor);
    }

    /// <summary>The donor's summary against its funded requests (an ACTIVE allocation of its own) read and added up, group by group.</summary>
    private async Task AssertRecountedAsync(string donor)
    {
        var allocations = (await scenario.Funding.ListAllocationsAsync(new ListAllocationsRequest { Donor = donor, PageSize = 1_000 })).Allocations;
        var funded = allocations.Where(allocation => allocation.State == AllocationState.Active).Select(allocation => allocation.AssistanceRequest).Distinct();
        var expected = BudgetRecount.Of(await Task.WhenAll(funded.Select(GetAsync)));
        var summary = await SummaryOfAsync(donor);

        AssertSameBudgets(expected.Programme, summary.Programme);
        var themes = expected.ThematicAreas.ToDictionary(area => area.ThematicArea, area => area.Totals);
        Assert.All(themes.Keys, theme => Assert.Contains(summary.ThematicAreas, area => area.ThematicArea == theme));
        Assert.All(summary.ThematicAreas, area => AssertSameBudgets(themes.GetValueOrDefault(area.ThematicArea) ?? new BudgetTotals(), area.Totals));
        var regions = expected.Regions.ToDictionary(region => region.RegionCode, region => region.Totals);
        Assert.All(regions.Keys, code => Assert.Contains(summary.Regions, region => region.RegionCode == code));
        Assert.All(summary.Regions, region => AssertSameBudgets(regions.GetValueOrDefault(region.RegionCode) ?? new BudgetTotals(), region.Totals));
    }

    private static void AssertSameBudgets(BudgetTotals expected, FundingTotals actual)
    {
        Assert.Equal(expected.IndicativeBudget, actual.IndicativeBudget);
        Assert.Equal(expected.Budget, actual.Budget);
        Assert.Equal(expected.RequestsWithIndicativeBudget > 0, actual.IndicativeBudgetUsd is not null);
        var basis = (expected.ApprovedBudgetRequests > 0, expected.IndicativeBudgetRequests > 0) switch
        {
            (true, true) => BudgetBasis.Mixed,
            (true, false) => BudgetBasis.Approved,
            (false, true) => BudgetBasis.Indicative,
            _ => BudgetBasis.Unspecified,
        };
        Assert.Equal(basis, actual.BudgetBasis);
    }

    /// <summary>One change per allocation, all in parallel: confirm or release a proposal; release an allocation or pay it out in full.</summary>
    private async Task ChangeAsync(Allocation allocation, int i)
    {
        try
        {
            switch (allocation.State, i % 3)
            {
                case (AllocationState.Proposed, 0):
                    await scenario.AssistanceAsService.ConfirmAllocationAsync(new ConfirmAllocationRequest { Name = allocation.Name });
                    break;
                case (_, 1):
                    await scenario.Direct.ReleaseAllocationAsync(new ReleaseAllocationRequest { Name = allocation.Name, Etag = allocation.Etag });
                    break;
                case (AllocationState.Active, 2):
                    await DisburseAsync(allocation.Name, allocation.Amount);
                    break;
            }
        }
        catch (RpcException refusal) when (refusal.StatusCode is StatusCode.FailedPrecondition or StatusCode.Aborted)
        {
            // Refused changes (a request closed meanwhile, a stale etag) change nothing: the recount says so.
        }
    }

    /// <summary>A closure of a withdrawal that then fails: taken back at once, when funding agreed to close.</summary>
    private async Task CloseAndReopenAsync(AssistanceRequest request, int i)
    {
        var closure = $"donor-budgets-{i}-{Guid.NewGuid():N}";
        try
        {
            await scenario.AssistanceAsService.CloseRequestFundingAsync(new CloseRequestFundingRequest { AssistanceRequest = request.Name, ClosureId = closure });
        }
        catch (RpcException refusal) when (refusal.StatusCode == StatusCode.FailedPrecondition)
        {
            return;
        }

        await scenario.AssistanceAsService.ReopenRequestFundingAsync(new ReopenRequestFundingRequest { AssistanceRequest = request.Name, ClosureId = closure });
    }

    private async Task TryWithdrawAsync(AssistanceRequest request)
    {
        try
        {
            await coordinator.WithdrawAssistanceRequestAsync(new WithdrawAssistanceRequestRequest { Name = request.Name, Reason = "no longer needed" });
        }
        catch (RpcException refusal) when (refusal.StatusCode == StatusCode.FailedPrecondition)
        {
            // Money allocated and not yet paid out: the request stays approved, and counted.
        }
    }

    /// <summary>Pays out in full what every ACTIVE allocation to the request still holds, so that it can be withdrawn.</summary>
    private async Task PayOutAsync(AssistanceRequest request)
    {
        foreach (var allocation in (await scenario.AllocationsOfAsync(request)).Where(allocation => allocation.State == AllocationState.Active))
        {
            var left = FundingScenario.ToDecimal(allocation.Amount) - (allocation.Disbursed is { } paid ? FundingScenario.ToDecimal(paid) : 0m);
            if (left > 0)
            {
                await DisburseAsync(allocation.Name, new Money { CurrencyCode = allocation.Amount.CurrencyCode, Units = (long)left });
            }
        }
    }

    private async Task DisburseAsync(string allocationName, Money amount) =>
        await scenario.Direct.CreateDisbursementAsync(new CreateDisbursementRequest
        {
            Parent = allocationName,
            Disbursement = new Disbursement { Amount = amount, DisbursementDate = FundingScenario.Today },
        });

    private async Task<AssistanceRequest> ApprovedWithBudgetAsync(string requestingState, Money approvedBudget)
    {
        var underReview = await scenario.RequestAsync(requestingState, state: AssistanceRequest.Types.State.UnderReview);
        return (await coordinator.ReviewAssistanceRequestAsync(new ReviewAssistanceRequestRequest
        {
            Name = underReview.Name,
            Decision = ReviewAssistanceRequestRequest.Types.Decision.Approve,
            Reason = "approved with its own budget",
            ApprovedBudget = approvedBudget,
            OverlapConfirmation = RequestLifecycleDriver.OverlapConfirmation,
        })).AssistanceRequest;
    }

    private async Task<AssistanceRequest> GetAsync(string name) =>
        (await coordinator.GetAssistanceRequestAsync(new GetAssistanceRequestRequest { Name = name })).AssistanceRequest;

    private async Task<FundingSummary> SummaryOfAsync(string donor)
    {
        var donorId = donor.Split('/')[1];
        var asDonor = new FundingService.FundingServiceClient(
            suite.Channel(suite.GatewayGrpcAddress, suite.Tokens.Mint(CallerRole.Donor, $"donor-{donorId}", donorId: donorId)));
        return (await asDonor.GetFundingSummaryAsync(new GetFundingSummaryRequest())).FundingSummary;
    }

    private static Pledge PledgeOf(long units) => new()
    {
        Amount = new Money { CurrencyCode = "USD", Units = units },
        ValidFrom = FundingScenario.FromDateTime(System.DateTime.UtcNow.AddDays(-30)),
        ValidUntil = FundingScenario.FromDateTime(System.DateTime.UtcNow.AddDays(365)),
    };
}

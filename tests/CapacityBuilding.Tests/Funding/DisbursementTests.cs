using CapacityBuilding.Contracts.Funding.V1;
using CapacityBuilding.Tests.Infrastructure;
using Google.Type;
using Grpc.Core;

namespace CapacityBuilding.Tests.Funding;

/// <summary>Disbursements never exceed their allocation, even when recorded in parallel.</summary>
[Collection(SuiteDefinition.Name)]
public sealed class DisbursementTests(SuiteFixture suite)
{
    private readonly FundingScenario scenario = new(suite);

    [Fact]
    public async Task Parallel_disbursements_never_exceed_the_allocation()
    {
        var pledge = await scenario.PledgeAsync(1_000);
        var request = await scenario.RequestAsync();
        var allocation = (await scenario.Funding.CreateAllocationAsync(
            FundingScenario.Allocation(pledge, request, new Money { CurrencyCode = "USD", Units = 100 }))).Allocation;
        var seven = new Money { CurrencyCode = "USD", Units = 7, Nanos = 500_000_000 };

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 40).Select(async _ =>
        {
            try
            {
                await scenario.Funding.CreateDisbursementAsync(Disbursement(allocation, seven));
                return (Succeeded: true, Refusal: (RpcException?)null);
            }
            catch (RpcException refusal)
            {
                return (Succeeded: false, Refusal: refusal);
            }
        }));

        Assert.Equal(13, outcomes.Count(outcome => outcome.Succeeded));
        Assert.All(outcomes.Where(outcome => !outcome.Succeeded), outcome => Assert.Equal("EXCEEDS_ALLOCATION", outcome.Refusal!.ErrorInfo()?.Reason));
        var stored = (await scenario.Funding.GetAllocationAsync(new GetAllocationRequest { Name = allocation.Name })).Allocation;
        Assert.Equal(new Money { CurrencyCode = "USD", Units = 97, Nanos = 500_000_000 }, stored.Disbursed);
        var listed = await scenario.Funding.ListDisbursementsAsync(new ListDisbursementsRequest { Parent = allocation.Name, PageSize = 100 });
        Assert.Equal(13, listed.Disbursements.Count);
    }

    [Fact]
    public async Task Disbursed_money_cannot_be_released_and_a_retry_disburses_once()
    {
        var pledge = await scenario.PledgeAsync(1_000);
        var request = await scenario.RequestAsync();
        var allocation = (await scenario.Funding.CreateAllocationAsync(
            FundingScenario.Allocation(pledge, request, new Money { CurrencyCode = "USD", Units = 100 }))).Allocation;
        var call = Disbursement(allocation, new Money { CurrencyCode = "USD", Units = 30 });
        call.RequestId = Guid.NewGuid().ToString();

        var first = (await scenario.Funding.CreateDisbursementAsync(call)).Disbursement;
        var retried = (await scenario.Funding.CreateDisbursementAsync(call)).Disbursement;
        var refusal = await RichErrors.FailsWith(StatusCode.FailedPrecondition, () =>
            scenario.Funding.ReleaseAllocationAsync(new ReleaseAllocationRequest { Name = allocation.Name }).ResponseAsync);

        Assert.Equal(first.Name, retried.Name);
        Assert.Equal("ALLOCATION_DISBURSED", refusal.ErrorInfo()?.Reason);
        Assert.Equal("30 USD", refusal.ErrorInfo()?.Metadata["disbursed"]);
        Assert.Equal(900, (await scenario.RemainingAsync(pledge)).Units);
    }

    [Fact]
    public async Task Invalid_disbursement_names_every_bad_field()
    {
        var failure = await RichErrors.FailsWith(StatusCode.InvalidArgument, () => scenario.Funding.CreateDisbursementAsync(new CreateDisbursementRequest
        {
            Parent = "allocations/not-an-id",
            Disbursement = new Disbursement
            {
                Amount = new Money { CurrencyCode = "USD", Units = -1 },
                DisbursementDate = new Date { Year = 2026, Month = 2, Day = 30 },
                Description = new string('x', 501),
            },
        }).ResponseAsync);

        Assert.Equal(
            ["parent", "disbursement.amount", "disbursement.disbursement_date", "disbursement.description"],
            failure.ViolatedFields());
    }

    [Fact]
    public async Task A_disbursement_dated_after_today_is_refused()
    {
        var pledge = await scenario.PledgeAsync(100);
        var allocation = (await scenario.Funding.CreateAllocationAsync(
            FundingScenario.Allocation(pledge, await scenario.RequestAsync(), new Money { CurrencyCode = "USD", Units = 10 }))).Allocation;
        var tomorrow = System.DateTime.UtcNow.Date.AddDays(1);
        var request = Disbursement(allocation, new Money { CurrencyCode = "USD", Units = 1 });
        request.Disbursement.DisbursementDate = new Date { Year = tomorrow.Year, Month = tomorrow.Month, Day = tomorrow.Day };

        var failure = await RichErrors.FailsWith(StatusCode.InvalidArgument, () => scenario.Funding.CreateDisbursementAsync(request).ResponseAsync);

        Assert.Equal(["disbursement.disbursement_date"], failure.ViolatedFields());
    }

    private static CreateDisbursementRequest Disbursement(Allocation allocation, Money amount) => new()
    {
        Parent = allocation.Name,
        Disbursement = new Disbursement { Amount = amount, DisbursementDate = FundingScenario.Today, Description = "Trainers' travel" },
    };
}

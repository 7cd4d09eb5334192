using CapacityBuilding.Contracts.Funding.V1;
using CapacityBuilding.ServiceDefaults.Errors;
using CapacityBuilding.Tests.Infrastructure;
using Google.Type;
using Grpc.Core;
using State = CapacityBuilding.Contracts.Funding.V1.Allocation.Types.State;

namespace CapacityBuilding.Tests.Funding;

/// <summary>
/// Proposals under real parallel calls on the real Redis: proposing and allocating from one pledge
/// never hold more than it has, and an acceptance (confirm) racing a release of the same proposal
/// has exactly one winner, with the pledge's balance right either way.
/// </summary>
[Collection(SuiteDefinition.Name)]
public sealed class ProposalRaceTests(SuiteFixture suite)
{
    private static readonly Money One = new() { CurrencyCode = "USD", Units = 1 };

    private readonly FundingScenario scenario = new(suite);

    private FundingService.FundingServiceClient Assistance => scenario.AssistanceAsService;

    [Fact]
    public async Task Parallel_proposals_and_allocations_never_hold_more_than_the_pledge()
    {
        var pledge = await scenario.PledgeAsync(100);
        var request = await scenario.RequestAsync();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 300).Select(async i =>
        {
            var call = i % 2 == 0 ? FundingScenario.Proposal(pledge, request, One) : FundingScenario.Allocation(pledge, request, One);
            try
            {
                return (await scenario.Direct.CreateAllocationAsync(call)).Allocation.State;
            }
            catch (RpcException refusal) when (refusal.ErrorInfo()?.Reason == ErrorReasons.InsufficientPledgeBalance)
            {
                return State.Unspecified;
            }
        }));

        var stored = await scenario.AllocationsOfAsync(request);
        Assert.Equal(100, outcomes.Count(state => state != State.Unspecified));
        Assert.Equal(outcomes.Count(state => state == State.Proposed), stored.Count(allocation => allocation.State == State.Proposed));
        Assert.Equal(outcomes.Count(state => state == State.Active), stored.Count(allocation => allocation.State == State.Active));
        Assert.Equal(0, (await scenario.RemainingAsync(pledge)).Units);
        Assert.True((await scenario.Funding.VerifyPledgeLedgerAsync(new VerifyPledgeLedgerRequest { Name = pledge.Name })).Intact);
    }

    [Fact]
    public async Task A_confirm_racing_a_release_of_one_proposal_has_exactly_one_winner()
    {
        var pledge = await scenario.PledgeAsync(100);
        var request = await scenario.RequestAsync();
        var proposals = await Task.WhenAll(Enumerable.Range(0, 40).Select(async _ =>
            (await scenario.Direct.CreateAllocationAsync(FundingScenario.Proposal(pledge, request, One))).Allocation));

        var races = await Task.WhenAll(proposals.Select(async proposal =>
        {
            var confirm = Outcome(() => Assistance.ConfirmAllocationAsync(new ConfirmAllocationRequest { Name = proposal.Name }).ResponseAsync);
            var release = Outcome(() => Assistance.ReleaseAllocationAsync(new ReleaseAllocationRequest { Name = proposal.Name }).ResponseAsync);
            return (Name: proposal.Name, Confirm: await confirm, Release: await release);
        }));

        var stored = (await scenario.AllocationsOfAsync(request)).ToDictionary(allocation => allocation.Name);
        foreach (var (name, confirm, release) in races)
        {
            Assert.True(confirm is null ^ release is null, $"{name}: confirm {confirm ?? "won"}, release {release ?? "won"}");
            Assert.Equal(confirm is null ? State.Active : State.Released, stored[name].State);
            Assert.Equal(confirm is null ? ErrorReasons.AllocationConfirmed : ErrorReasons.AllocationReleased, confirm ?? release);
        }

        var active = stored.Values.Count(allocation => allocation.State == State.Active);
        Assert.Equal(100 - active, (await scenario.RemainingAsync(pledge)).Units);
        Assert.True((await scenario.Funding.VerifyPledgeLedgerAsync(new VerifyPledgeLedgerRequest { Name = pledge.Name })).Intact);
    }

    /// <returns>Null when the call succeeded, else the reason it was refused for.</returns>
    private static async Task<string?> Outcome<T>(Func<Task<T>> call)
    {
        try
        {
            await call();
            return null;
        }
        catch (RpcException refusal) when (refusal.StatusCode == StatusCode.FailedPrecondition)
        {
            return refusal.ErrorInfo()?.Reason ?? refusal.Status.Detail;
        }
    }
}

using CapacityBuilding.Contracts.Funding.V1;
using CapacityBuilding.ServiceDefaults.Errors;
using CapacityBuilding.ServiceDefaults.Identity;
using CapacityBuilding.Tests.Infrastructure;
using Google.Type;
using Grpc.Core;
using State = CapacityBuilding.Contracts.Funding.V1.Allocation.Types.State;

namespace CapacityBuilding.Tests.Funding;

/// <summary>
/// Proposed allocations, the money a funding offer holds: held from the pledge from the moment
/// they are made, confirmed (as the assistance service) when the requesting state accepts,
/// released when it does not; only committed money, and a donor only its own.
/// </summary>
[Collection(SuiteDefinition.Name)]
public sealed class AllocationProposalTests(SuiteFixture suite)
{
    private static readonly Money Forty = new() { CurrencyCode = "USD", Units = 40 };

    private readonly FundingScenario scenario = new(suite);

    private FundingService.FundingServiceClient Assistance => scenario.AssistanceAsService;

    [Fact]
    public async Task A_proposal_holds_its_money_until_confirmed_and_confirming_again_changes_nothing()
    {
        var pledge = await scenario.PledgeAsync(100);
        var request = await scenario.RequestAsync();

        var proposed = (await scenario.Funding.CreateAllocationAsync(FundingScenario.Proposal(pledge, request, Forty))).Allocation;
        Assert.Equal(State.Proposed, proposed.State);
        Assert.Equal(60, (await scenario.RemainingAsync(pledge)).Units);

        var confirmed = (await Assistance.ConfirmAllocationAsync(new ConfirmAllocationRequest { Name = proposed.Name })).Allocation;
        var again = (await Assistance.ConfirmAllocationAsync(new ConfirmAllocationRequest { Name = proposed.Name })).Allocation;

        Assert.Equal(State.Active, confirmed.State);
        Assert.Equal(confirmed, again);
        Assert.Equal(60, (await scenario.RemainingAsync(pledge)).Units);
        Assert.True((await scenario.Funding.VerifyPledgeLedgerAsync(new VerifyPledgeLedgerRequest { Name = pledge.Name })).Intact);
    }

    [Fact]
    public async Task A_released_proposal_gives_its_money_back_and_cannot_be_confirmed()
    {
        var pledge = await scenario.PledgeAsync(100);
        var request = await scenario.RequestAsync();
        var proposed = (await scenario.Funding.CreateAllocationAsync(FundingScenario.Proposal(pledge, request, Forty))).Allocation;

        var released = (await Assistance.ReleaseAllocationAsync(new ReleaseAllocationRequest { Name = proposed.Name })).Allocation;
        var releasedAgain = (await Assistance.ReleaseAllocationAsync(new ReleaseAllocationRequest { Name = proposed.Name })).Allocation;
        var refusal = await RichErrors.FailsWith(StatusCode.FailedPrecondition,
            () => Assistance.ConfirmAllocationAsync(new ConfirmAllocationRequest { Name = proposed.Name }).ResponseAsync);

        Assert.Equal(State.Released, released.State);
        Assert.Equal(released, releasedAgain);
        Assert.Equal(ErrorReasons.AllocationReleased, refusal.ErrorInfo()?.Reason);
        Assert.Equal(100, (await scenario.RemainingAsync(pledge)).Units);
        Assert.True((await scenario.Funding.VerifyPledgeLedgerAsync(new VerifyPledgeLedgerRequest { Name = pledge.Name })).Intact);
    }

    [Fact]
    public async Task A_proposal_is_neither_disbursed_nor_lets_its_pledge_be_cancelled()
    {
        var pledge = await scenario.PledgeAsync(100);
        var request = await scenario.RequestAsync();
        var proposed = (await scenario.Funding.CreateAllocationAsync(FundingScenario.Proposal(pledge, request, Forty))).Allocation;

        var disbursement = await RichErrors.FailsWith(StatusCode.FailedPrecondition, () => scenario.Funding.CreateDisbursementAsync(new CreateDisbursementRequest
        {
            Parent = proposed.Name,
            Disbursement = new Disbursement { Amount = Forty, DisbursementDate = FundingScenario.Today },
        }).ResponseAsync);
        var cancel = await RichErrors.FailsWith(StatusCode.FailedPrecondition,
            () => scenario.Funding.CancelPledgeAsync(new CancelPledgeRequest { Name = pledge.Name }).ResponseAsync);

        Assert.Equal(ErrorReasons.AllocationNotActive, disbursement.ErrorInfo()?.Reason);
        Assert.Equal(ErrorReasons.PledgeAllocated, cancel.ErrorInfo()?.Reason);
    }

    [Fact]
    public async Task Money_of_a_pledge_not_yet_committed_is_neither_allocated_nor_proposed()
    {
        var pledge = await scenario.PledgeAsync(100, committed: false);
        var request = await scenario.RequestAsync();

        var allocation = await RichErrors.FailsWith(StatusCode.FailedPrecondition,
            () => scenario.Funding.CreateAllocationAsync(FundingScenario.Allocation(pledge, request, Forty)).ResponseAsync);
        var proposal = await RichErrors.FailsWith(StatusCode.FailedPrecondition,
            () => scenario.Funding.CreateAllocationAsync(FundingScenario.Proposal(pledge, request, Forty)).ResponseAsync);

        Assert.Equal(ErrorReasons.PledgeNotCommitted, allocation.ErrorInfo()?.Reason);
        Assert.Equal(ErrorReasons.PledgeNotCommitted, proposal.ErrorInfo()?.Reason);
        Assert.Equal("STATE_PLEDGED", proposal.ErrorInfo()?.Metadata["state"]);
        Assert.Equal(100, (await scenario.RemainingAsync(pledge)).Units);
    }

    [Fact]
    public async Task A_donor_proposes_from_its_own_pledge_only_and_never_allocates_directly()
    {
        var own = await scenario.PledgeAsync(100);
        var others = await scenario.PledgeAsync(100);
        var request = await scenario.RequestAsync();
        var donorId = own.Name.Split('/')[1];
        var donor = new FundingService.FundingServiceClient(
            suite.Channel(suite.GatewayGrpcAddress, suite.Tokens.Mint(CallerRole.Donor, $"donor-{donorId}", donorId: donorId)));

        var proposed = (await donor.CreateAllocationAsync(FundingScenario.Proposal(own, request, Forty))).Allocation;
        var direct = await RichErrors.FailsWith(StatusCode.PermissionDenied,
            () => donor.CreateAllocationAsync(FundingScenario.Allocation(own, request, Forty)).ResponseAsync);
        await RichErrors.FailsWith(StatusCode.NotFound, () => donor.CreateAllocationAsync(FundingScenario.Proposal(others, request, Forty)).ResponseAsync);

        Assert.Equal(State.Proposed, proposed.State);
        Assert.Contains("pending_acceptance", direct.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(60, (await scenario.RemainingAsync(own)).Units);
        Assert.Equal(100, (await scenario.RemainingAsync(others)).Units);
    }

    [Fact]
    public async Task A_proposal_whose_request_was_closed_to_funding_is_not_confirmed()
    {
        var pledge = await scenario.PledgeAsync(100);
        var request = await scenario.RequestAsync();
        var proposed = (await scenario.Funding.CreateAllocationAsync(FundingScenario.Proposal(pledge, request, Forty))).Allocation;

        // A proposal holds no allocated money: it does not stop the withdrawal, which then stops the proposal.
        await Assistance.CloseRequestFundingAsync(new CloseRequestFundingRequest { AssistanceRequest = request.Name, ClosureId = Guid.NewGuid().ToString() });
        var refusal = await RichErrors.FailsWith(StatusCode.FailedPrecondition,
            () => Assistance.ConfirmAllocationAsync(new ConfirmAllocationRequest { Name = proposed.Name }).ResponseAsync);

        Assert.Equal(ErrorReasons.RequestClosedToFunding, refusal.ErrorInfo()?.Reason);
        Assert.Equal(State.Proposed, (await scenario.Funding.GetAllocationAsync(new GetAllocationRequest { Name = proposed.Name })).Allocation.State);
    }
}

using CapacityBuilding.Contracts.Common.V1;
using CapacityBuilding.Contracts.Funding.V1;
using CapacityBuilding.Testing;
using CapacityBuilding.Tests.Infrastructure;
using Google.Type;
using Grpc.Core;
using State = CapacityBuilding.Contracts.Assistance.V1.AssistanceRequest.Types.State;

namespace CapacityBuilding.Tests.Funding;

/// <summary>When money may go from a pledge to a request, and what happens when it may not.</summary>
[Collection(SuiteDefinition.Name)]
public sealed class AllocationRulesTests(SuiteFixture suite)
{
    private static readonly Money Ten = new() { CurrencyCode = "USD", Units = 10 };

    private readonly FundingScenario scenario = new(suite);

    public static TheoryData<string, Earmarks?, string, ThematicArea[], bool> EarmarkCases => new()
    {
        { "unearmarked", null, "GHA", [ThematicArea.ElectronicEvidence], true },
        { "theme listed", Earmarks(themes: [ThematicArea.ElectronicEvidence]), "GHA", [ThematicArea.ElectronicEvidence], true },
        { "one of the themes listed", Earmarks(themes: [ThematicArea.OnlineChildProtection]), "GHA", [ThematicArea.ElectronicEvidence, ThematicArea.OnlineChildProtection], true },
        { "theme not listed", Earmarks(themes: [ThematicArea.Legislation]), "GHA", [ThematicArea.ElectronicEvidence], false },
        { "region Africa (002)", Earmarks(regions: ["002"]), "GHA", [ThematicArea.ElectronicEvidence], true },
        { "sub-region Sub-Saharan Africa (202)", Earmarks(regions: ["202"]), "GHA", [ThematicArea.ElectronicEvidence], true },
        { "intermediate region Western Africa (011)", Earmarks(regions: ["011"]), "GHA", [ThematicArea.ElectronicEvidence], true },
        { "Northern Africa excludes Ghana", Earmarks(regions: ["015"]), "GHA", [ThematicArea.ElectronicEvidence], false },
        { "Latin America and the Caribbean (419)", Earmarks(regions: ["419"]), "PRY", [ThematicArea.ElectronicEvidence], true },
        { "Asia excludes Paraguay", Earmarks(regions: ["142"]), "PRY", [ThematicArea.ElectronicEvidence], false },
        { "country listed", Earmarks(countries: ["VNM", "GHA"]), "GHA", [ThematicArea.ElectronicEvidence], true },
        { "country not listed", Earmarks(countries: ["VNM"]), "GHA", [ThematicArea.ElectronicEvidence], false },
        { "region and theme both met", Earmarks(themes: [ThematicArea.ElectronicEvidence], regions: ["035"]), "VNM", [ThematicArea.ElectronicEvidence], true },
        { "region met, theme not", Earmarks(themes: [ThematicArea.Legislation], regions: ["035"]), "VNM", [ThematicArea.ElectronicEvidence], false },
        { "theme met, region not", Earmarks(themes: [ThematicArea.ElectronicEvidence], regions: ["002"]), "VNM", [ThematicArea.ElectronicEvidence], false },
        { "country met, theme not", Earmarks(themes: [ThematicArea.Legislation], countries: ["VNM"]), "VNM", [ThematicArea.ElectronicEvidence], false },
    };

    [Theory]
    [MemberData(nameof(EarmarkCases))]
    public async Task Earmarks_decide_which_requests_a_pledge_can_fund(
        string @case, Earmarks? earmarks, string requestingState, ThematicArea[] themes, bool covered)
    {
        var pledge = await scenario.PledgeAsync(new Money { CurrencyCode = "USD", Units = 100 }, earmarks);
        var request = await scenario.RequestAsync(requestingState, themes);

        var call = () => scenario.Funding.CreateAllocationAsync(FundingScenario.Allocation(pledge, request, Ten)).ResponseAsync;

        if (covered)
        {
            Assert.Equal(Allocation.Types.State.Active, (await call()).Allocation.State);
            Assert.Equal(90, (await scenario.RemainingAsync(pledge)).Units);
        }
        else
        {
            var refusal = await RichErrors.FailsWith(StatusCode.FailedPrecondition, call);
            Assert.True(refusal.ErrorInfo()?.Reason == "EARMARK_MISMATCH", @case);
            Assert.Equal(100, (await scenario.RemainingAsync(pledge)).Units);
        }
    }

    public static TheoryData<State, string> NotApprovedStates => new()
    {
        { State.Draft, "STATE_DRAFT" },
        { State.Submitted, "STATE_SUBMITTED" },
        { State.UnderReview, "STATE_UNDER_REVIEW" },
        { State.Rejected, "STATE_REJECTED" },
        { State.Returned, "STATE_RETURNED" },
        { State.InDelivery, "STATE_IN_DELIVERY" },
        { State.Completed, "STATE_COMPLETED" },
        { State.Withdrawn, "STATE_WITHDRAWN" },
    };

    [Theory]
    [MemberData(nameof(NotApprovedStates))]
    public async Task Only_an_approved_request_can_be_funded(State state, string stateName)
    {
        var pledge = await scenario.PledgeAsync(100);
        var request = await scenario.RequestAsync(state: state);

        var refusal = await RichErrors.FailsWith(StatusCode.FailedPrecondition, () =>
            scenario.Funding.CreateAllocationAsync(FundingScenario.Allocation(pledge, request, Ten)).ResponseAsync);

        Assert.Equal("REQUEST_NOT_APPROVED", refusal.ErrorInfo()?.Reason);
        Assert.Equal(stateName, refusal.ErrorInfo()?.Metadata["state"]);
        Assert.Contains(stateName, refusal.Status.Detail, StringComparison.Ordinal);
        Assert.Empty(await scenario.AllocationsOfAsync(request));
        Assert.Equal(100, (await scenario.RemainingAsync(pledge)).Units);
    }

    public static TheoryData<string, int, int> ValidityWindows => new()
    {
        { "starts tomorrow", 1, 30 },
        { "ended yesterday", -30, -1 },
    };

    [Theory]
    [MemberData(nameof(ValidityWindows))]
    public async Task A_pledge_funds_only_on_the_days_it_is_valid(string @case, int fromDays, int untilDays)
    {
        var pledge = await scenario.PledgeAsync(new Money { CurrencyCode = "USD", Units = 100 }, null,
            FundingScenario.FromDateTime(System.DateTime.UtcNow.AddDays(fromDays)), FundingScenario.FromDateTime(System.DateTime.UtcNow.AddDays(untilDays)));
        var request = await scenario.RequestAsync();

        var refusal = await RichErrors.FailsWith(StatusCode.FailedPrecondition, () =>
            scenario.Funding.CreateAllocationAsync(FundingScenario.Allocation(pledge, request, Ten)).ResponseAsync);

        Assert.True(refusal.ErrorInfo()?.Reason == "PLEDGE_NOT_VALID", @case);
        Assert.Empty(await scenario.AllocationsOfAsync(request));
    }

    [Fact]
    public async Task A_pledge_valid_only_today_can_fund()
    {
        var pledge = await scenario.PledgeAsync(new Money { CurrencyCode = "USD", Units = 100 }, null, FundingScenario.Today, FundingScenario.Today);
        var request = await scenario.RequestAsync();

        var allocation = (await scenario.Funding.CreateAllocationAsync(FundingScenario.Allocation(pledge, request, Ten))).Allocation;

        Assert.Equal(FundingScenario.Today, allocation.AllocationDate);
    }

    [Fact]
    public async Task Money_must_be_in_the_pledge_currency()
    {
        var pledge = await scenario.PledgeAsync(100, "EUR");
        var request = await scenario.RequestAsync();

        var refusal = await RichErrors.FailsWith(StatusCode.InvalidArgument, () =>
            scenario.Funding.CreateAllocationAsync(FundingScenario.Allocation(pledge, request, Ten)).ResponseAsync);

        Assert.Equal(["allocation.amount.currency_code"], refusal.ViolatedFields());
    }

    [Fact]
    public async Task Release_returns_the_money_once()
    {
        var pledge = await scenario.PledgeAsync(100);
        var request = await scenario.RequestAsync();
        var allocation = (await scenario.Funding.CreateAllocationAsync(FundingScenario.Allocation(pledge, request, Ten))).Allocation;

        var stale = await RichErrors.FailsWith(StatusCode.Aborted, () =>
            scenario.Funding.ReleaseAllocationAsync(new ReleaseAllocationRequest { Name = allocation.Name, Etag = "0123456789abcdef" }).ResponseAsync);
        var released = (await scenario.Funding.ReleaseAllocationAsync(new ReleaseAllocationRequest { Name = allocation.Name, Etag = allocation.Etag })).Allocation;
        var again = (await scenario.Funding.ReleaseAllocationAsync(new ReleaseAllocationRequest { Name = allocation.Name, Etag = allocation.Etag })).Allocation;

        Assert.Equal("ETAG_MISMATCH", stale.ErrorInfo()?.Reason);
        Assert.Equal(Allocation.Types.State.Released, released.State);
        Assert.NotNull(released.ReleaseTime);
        Assert.Equal(released, again);
        Assert.Equal(100, (await scenario.RemainingAsync(pledge)).Units);
    }

    [Fact]
    public async Task A_pledge_with_allocations_cannot_be_cancelled_and_a_cancelled_one_funds_nothing()
    {
        var pledge = await scenario.PledgeAsync(100);
        var request = await scenario.RequestAsync();
        var allocation = (await scenario.Funding.CreateAllocationAsync(FundingScenario.Allocation(pledge, request, Ten))).Allocation;

        var allocated = await RichErrors.FailsWith(StatusCode.FailedPrecondition, () =>
            scenario.Funding.CancelPledgeAsync(new CancelPledgeRequest { Name = pledge.Name }).ResponseAsync);
        await scenario.Funding.ReleaseAllocationAsync(new ReleaseAllocationRequest { Name = allocation.Name });
        var committed = (await scenario.Funding.GetPledgeAsync(new GetPledgeRequest { Name = pledge.Name })).Pledge;
        var cancelled = (await scenario.Funding.CancelPledgeAsync(new CancelPledgeRequest { Name = pledge.Name, Etag = committed.Etag })).Pledge;
        var refusal = await RichErrors.FailsWith(StatusCode.FailedPrecondition, () =>
            scenario.Funding.CreateAllocationAsync(FundingScenario.Allocation(pledge, request, Ten)).ResponseAsync);

        Assert.Equal("PLEDGE_ALLOCATED", allocated.ErrorInfo()?.Reason);
        Assert.Equal("10 USD", allocated.ErrorInfo()?.Metadata["allocated"]);
        Assert.Equal(Pledge.Types.State.Committed, committed.State);
        Assert.Equal(Pledge.Types.State.Cancelled, cancelled.State);
        Assert.Equal("PLEDGE_CANCELLED", refusal.ErrorInfo()?.Reason);
    }

    [Fact]
    public async Task Missing_request_or_pledge_is_not_found()
    {
        var pledge = await scenario.PledgeAsync(100);
        var request = await scenario.RequestAsync();
        var missingRequest = new Contracts.Assistance.V1.AssistanceRequest { Name = "requests/0123456789abcdef0123456789abcdef" };
        var missingPledge = new Pledge { Name = $"{pledge.Name.Split("/pledges/")[0]}/pledges/0123456789abcdef0123456789abcdef" };

        await RichErrors.FailsWith(StatusCode.NotFound, () =>
            scenario.Funding.CreateAllocationAsync(FundingScenario.Allocation(pledge, missingRequest, Ten)).ResponseAsync);
        await RichErrors.FailsWith(StatusCode.NotFound, () =>
            scenario.Funding.CreateAllocationAsync(FundingScenario.Allocation(missingPledge, request, Ten)).ResponseAsync);
    }

    [Fact]
    public async Task Assistance_unreachable_is_unavailable_and_nothing_is_allocated()
    {
        var pledge = await scenario.PledgeAsync(100);
        var request = await scenario.RequestAsync();
        var (process, channel) = await suite.StartExtraFundingAsync(SuiteFixture.FundingDirectTo(SuiteFixture.Loopback(FreePort.Next())));
        await using var _ = process;
        var isolated = new FundingService.FundingServiceClient(channel);

        var refusal = await RichErrors.FailsWith(StatusCode.Unavailable, () =>
            isolated.CreateAllocationAsync(FundingScenario.Allocation(pledge, request, Ten, Guid.NewGuid().ToString())).ResponseAsync);

        Assert.Equal("ASSISTANCE_UNAVAILABLE", refusal.ErrorInfo()?.Reason);
        Assert.Empty(await scenario.AllocationsOfAsync(request));
        Assert.Equal(100, (await scenario.RemainingAsync(pledge)).Units);
    }

    private static Earmarks Earmarks(ThematicArea[]? themes = null, string[]? regions = null, string[]? countries = null) => new()
    {
        ThematicAreas = { themes ?? [] },
        Regions = { regions ?? [] },
        Countries = { countries ?? [] },
    };
}

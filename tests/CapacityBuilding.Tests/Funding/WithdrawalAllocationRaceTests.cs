using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.Contracts.Funding.V1;
using CapacityBuilding.Tests.Infrastructure;
using Google.Type;
using Grpc.Core;
using StackExchange.Redis;
using State = CapacityBuilding.Contracts.Assistance.V1.AssistanceRequest.Types.State;

namespace CapacityBuilding.Tests.Funding;

/// <summary>
/// Withdrawing an approved request and allocating money to it, which assistance and funding decide
/// in separate keyspaces: funding closes the request to funding before assistance writes the
/// withdrawal, closing is refused while money is allocated and not yet paid out, and allocating
/// while the request is closed, so of the two racing each other exactly one succeeds and no
/// withdrawn request keeps an ACTIVE allocation holding money. (A withdrawn request whose money
/// was paid out in full is the cancelled activity of <see cref="IatiExportTests"/>.)
/// </summary>
[Collection(SuiteDefinition.Name)]
public sealed class WithdrawalAllocationRaceTests(SuiteFixture suite) : IAsyncLifetime
{
    private static readonly Money One = new() { CurrencyCode = "USD", Units = 1 };

    private readonly FundingScenario scenario = new(suite);

    /// <summary>Assistance itself, as a coordinator, so that the race is not queued behind the gateway.</summary>
    private readonly AssistanceService.AssistanceServiceClient assistance = new(suite.Channel(suite.AssistanceAddress));

    private ConnectionMultiplexer redis = null!;

    public async Task InitializeAsync() => redis = await ConnectionMultiplexer.ConnectAsync(suite.Redis.ConnectionString + ",allowAdmin=true");

    public async Task DisposeAsync() => await redis.DisposeAsync();

    [Fact]
    public async Task An_approved_request_with_money_allocated_is_withdrawn_only_once_the_money_is_released()
    {
        var pledge = await scenario.PledgeAsync(100);
        var request = await scenario.RequestAsync();
        var allocation = (await scenario.Funding.CreateAllocationAsync(FundingScenario.Allocation(pledge, request, One))).Allocation;

        var refusal = await RichErrors.FailsWith(StatusCode.FailedPrecondition, () => WithdrawAsync(scenario.Assistance, request));

        Assert.Equal("REQUEST_HAS_ACTIVE_ALLOCATIONS", refusal.ErrorInfo()?.Reason);
        Assert.Equal("assistance.capacitybuilding.unodc.org", refusal.ErrorInfo()?.Domain);
        Assert.Equal("1", refusal.ErrorInfo()?.Metadata["active_allocations"]);
        Assert.Equal(State.Approved, (await GetAsync(request)).State);
        Assert.Equal(0, await ClosuresAsync(request));

        await scenario.Funding.ReleaseAllocationAsync(new ReleaseAllocationRequest { Name = allocation.Name });
        Assert.Equal(State.Withdrawn, (await WithdrawAsync(scenario.Assistance, request)).State);

        Assert.Equal(1, await ClosuresAsync(request));
        var late = await RichErrors.FailsWith(StatusCode.FailedPrecondition,
            () => scenario.Funding.CreateAllocationAsync(FundingScenario.Allocation(pledge, request, One)).ResponseAsync);
        Assert.Equal("REQUEST_NOT_APPROVED", late.ErrorInfo()?.Reason);
    }

    [Fact]
    public async Task An_allocation_to_a_request_closed_to_funding_is_refused_until_every_closure_is_taken_back()
    {
        var pledge = await scenario.PledgeAsync(100);
        var request = await scenario.RequestAsync();
        var asAssistance = new FundingService.FundingServiceClient(suite.Channel(suite.FundingAddress, suite.ServiceTokens.MintFor("assistance")));
        await asAssistance.CloseRequestFundingAsync(new CloseRequestFundingRequest { AssistanceRequest = request.Name, ClosureId = "first" });
        await asAssistance.CloseRequestFundingAsync(new CloseRequestFundingRequest { AssistanceRequest = request.Name, ClosureId = "second" });

        var refusal = await RichErrors.FailsWith(StatusCode.FailedPrecondition,
            () => scenario.Funding.CreateAllocationAsync(FundingScenario.Allocation(pledge, request, One)).ResponseAsync);
        Assert.Equal("REQUEST_CLOSED_TO_FUNDING", refusal.ErrorInfo()?.Reason);
        Assert.Equal(100, (await scenario.RemainingAsync(pledge)).Units);

        await asAssistance.ReopenRequestFundingAsync(new ReopenRequestFundingRequest { AssistanceRequest = request.Name, ClosureId = "first" });
        await RichErrors.FailsWith(StatusCode.FailedPrecondition,
            () => scenario.Funding.CreateAllocationAsync(FundingScenario.Allocation(pledge, request, One)).ResponseAsync);

        await asAssistance.ReopenRequestFundingAsync(new ReopenRequestFundingRequest { AssistanceRequest = request.Name, ClosureId = "second" });
        await scenario.Funding.CreateAllocationAsync(FundingScenario.Allocation(pledge, request, One));

        var closing = await RichErrors.FailsWith(StatusCode.FailedPrecondition, () =>
            asAssistance.CloseRequestFundingAsync(new CloseRequestFundingRequest { AssistanceRequest = request.Name, ClosureId = "third" }).ResponseAsync);
        Assert.Equal("REQUEST_HAS_ACTIVE_ALLOCATIONS", closing.ErrorInfo()?.Reason);
        Assert.Equal(0, await ClosuresAsync(request));
    }

    [Fact]
    public async Task Withdrawals_racing_allocations_never_both_succeed_and_no_withdrawn_request_keeps_money()
    {
        const int Rounds = 60;
        // A few pledges: allocations from one pledge take turns on its ledger chain.
        var pledges = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => scenario.PledgeAsync(100)));
        var requests = new List<AssistanceRequest>();
        foreach (var batch in Enumerable.Range(0, Rounds).Chunk(10))
        {
            requests.AddRange(await Task.WhenAll(batch.Select(_ => scenario.RequestAsync())));
        }

        // One allocation and one withdrawal before the race, so that it is not run against
        // connections being opened and code being compiled (the first allocation takes 50 times longer).
        var warmUp = await scenario.RequestAsync();
        await scenario.Direct.CreateAllocationAsync(FundingScenario.Allocation(pledges[0], warmUp, One));
        await WithdrawAsync(assistance, await scenario.RequestAsync());

        // The withdrawal starts 0 to 19 ms after the allocation: an allocation reads the request
        // APPROVED from assistance some milliseconds after it starts, and writes after that, so
        // some rounds withdraw inside that window however the machine is loaded.
        var rounds = await Task.WhenAll(requests.Select(async (request, round) =>
        {
            var allocation = Outcome(scenario.Direct.CreateAllocationAsync(FundingScenario.Allocation(pledges[round % pledges.Length], request, One)).ResponseAsync);
            await Task.Delay(TimeSpan.FromMilliseconds(round % 20));
            var withdrawal = Outcome(WithdrawAsync(assistance, request));
            return (Request: request, Withdrawal: await withdrawal, Allocation: await allocation);
        }));

        var settled = await Task.WhenAll(rounds.Select(async round => (
            round.Request.Name,
            (await GetAsync(round.Request)).State,
            Active: (await scenario.AllocationsOfAsync(round.Request)).Count(stored => stored.State == Allocation.Types.State.Active),
            Closures: await ClosuresAsync(round.Request))));
        Assert.DoesNotContain(settled, request => request.State == State.Withdrawn && request.Active > 0);
        Assert.All(settled, request => Assert.Equal(request.State == State.Withdrawn ? (0, 1L) : (1, 0L), (request.Active, request.Closures)));
        foreach (var (request, withdrawal, allocation) in rounds)
        {
            Assert.True(withdrawal is null != (allocation is null), $"{request.Name}: withdrawal {withdrawal?.Status}, allocation {allocation?.Status}");
            Assert.Equal(withdrawal is null ? null : "REQUEST_HAS_ACTIVE_ALLOCATIONS", withdrawal?.ErrorInfo()?.Reason);
            Assert.Contains(allocation?.ErrorInfo()?.Reason, new[] { null, "REQUEST_CLOSED_TO_FUNDING", "REQUEST_NOT_APPROVED" });
        }
    }

    [Fact]
    public async Task Concurrent_withdrawals_with_one_etag_leave_only_the_winners_closure()
    {
        var request = await scenario.RequestAsync();
        var etag = (await GetAsync(request)).Etag;

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Outcome(WithdrawAsync(assistance, request, etag))));

        Assert.Single(outcomes, outcome => outcome is null);
        Assert.All(outcomes.OfType<RpcException>(), refusal => Assert.Equal(StatusCode.Aborted, refusal.StatusCode));
        Assert.Equal(State.Withdrawn, (await GetAsync(request)).State);
        Assert.Equal(1, await ClosuresAsync(request));
    }

    /// <summary>In Dapr mode the close travels through the sidecar, whose access control is k8s/base/dapr's.</summary>
    [Fact]
    public async Task In_dapr_mode_the_sidecar_lets_assistance_close_a_request_to_funding()
    {
        var pledge = await scenario.PledgeAsync(100);
        var request = await scenario.RequestAsync();
        await scenario.Funding.CreateAllocationAsync(FundingScenario.Allocation(pledge, request, One));
        var daprMode = new AssistanceService.AssistanceServiceClient(suite.DaprModeAssistance);
        var before = suite.AssistanceSidecar.Calls.Count;

        var refusal = await RichErrors.FailsWith(StatusCode.FailedPrecondition, () => WithdrawAsync(daprMode, request));

        Assert.Equal("REQUEST_HAS_ACTIVE_ALLOCATIONS", refusal.ErrorInfo()?.Reason);
        var close = suite.AssistanceSidecar.Calls.Skip(before).Single(call => call.Method.EndsWith("/CloseRequestFunding", StringComparison.Ordinal));
        Assert.Equal("funding", close.CalleeAppId);
        Assert.Equal(State.Approved, (await GetAsync(request)).State);
    }

    private static async Task<AssistanceRequest> WithdrawAsync(AssistanceService.AssistanceServiceClient client, AssistanceRequest request, string etag = "") =>
        (await client.WithdrawAssistanceRequestAsync(new WithdrawAssistanceRequestRequest { Name = request.Name, Etag = etag, Reason = "no longer needed" })).AssistanceRequest;

    private async Task<AssistanceRequest> GetAsync(AssistanceRequest request) =>
        (await scenario.Assistance.GetAssistanceRequestAsync(new GetAssistanceRequestRequest { Name = request.Name })).AssistanceRequest;

    /// <summary>How many closures hold the request closed to funding, read from funding's keyspace.</summary>
    private Task<long> ClosuresAsync(AssistanceRequest request) =>
        redis.GetDatabase().SetLengthAsync($"funding:requests:{request.Name["requests/".Length..]}:funding-closures");

    /// <summary>Null when <paramref name="call"/> succeeded, else its refusal.</summary>
    private static async Task<RpcException?> Outcome(Task call)
    {
        try
        {
            await call;
            return null;
        }
        catch (RpcException refusal)
        {
            return refusal;
        }
    }
}

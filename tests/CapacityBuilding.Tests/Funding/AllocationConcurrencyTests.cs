using CapacityBuilding.Contracts.Funding.V1;
using CapacityBuilding.Tests.Infrastructure;
using Google.Type;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace CapacityBuilding.Tests.Funding;

/// <summary>
/// Money is never created or lost under real parallel calls on the real Redis: a pledge is never
/// overdrawn, a retry never allocates twice, and releases racing allocations leave the balance
/// equal to the pledge minus its active allocations.
/// </summary>
[Collection(SuiteDefinition.Name)]
public sealed class AllocationConcurrencyTests(SuiteFixture suite)
{
    private readonly FundingScenario scenario = new(suite);

    [Fact]
    public async Task A_thousand_parallel_allocations_never_overdraw_the_pledge()
    {
        // 1,000 calls asking 1.25 to 5.25 each (about 3,250 in all) against 1,000.5: most are refused.
        var pledgeAmount = new Money { CurrencyCode = "EUR", Units = 1_000, Nanos = 500_000_000 };
        var pledge = await scenario.PledgeAsync(pledgeAmount);
        var request = await scenario.RequestAsync();

        var calls = Enumerable.Range(0, 1_000).Select(async i =>
        {
            var amount = new Money { CurrencyCode = "EUR", Units = 1 + (i % 5), Nanos = 250_000_000 };
            try
            {
                var allocation = (await scenario.Direct.CreateAllocationAsync(FundingScenario.Allocation(pledge, request, amount))).Allocation;
                return (Asked: amount, Allocated: allocation, Refusal: (RpcException?)null);
            }
            catch (RpcException refusal)
            {
                return (Asked: amount, Allocated: (Allocation?)null, Refusal: refusal);
            }
        });
        var outcomes = await Task.WhenAll(calls);

        var allocated = outcomes.Where(outcome => outcome.Allocated is not null).Sum(outcome => FundingScenario.ToDecimal(outcome.Allocated!.Amount));
        // Never more than the pledge; and since the balance only fell, a refusal means it ended below the largest ask.
        Assert.InRange(allocated, 995.25m + 0.000000001m, 1_000.5m);
        foreach (var (asked, _, refusal) in outcomes.Where(outcome => outcome.Refusal is not null))
        {
            Assert.Equal(StatusCode.FailedPrecondition, refusal!.StatusCode);
            var info = refusal.ErrorInfo()!;
            Assert.Equal("INSUFFICIENT_PLEDGE_BALANCE", info.Reason);
            var remaining = decimal.Parse(info.Metadata["remaining_units"], System.Globalization.CultureInfo.InvariantCulture)
                + (int.Parse(info.Metadata["remaining_nanos"], System.Globalization.CultureInfo.InvariantCulture) / 1_000_000_000m);
            Assert.True(remaining < FundingScenario.ToDecimal(asked), $"refused {asked} with {remaining} remaining");
            Assert.Contains(info.Metadata["remaining_balance"], refusal.Status.Detail, StringComparison.Ordinal);
        }

        var stored = await scenario.AllocationsOfAsync(request);
        Assert.Equal(outcomes.Count(outcome => outcome.Allocated is not null), stored.Count);
        Assert.Equal(allocated, stored.Sum(allocation => FundingScenario.ToDecimal(allocation.Amount)));
        Assert.Equal(1_000.5m - allocated, FundingScenario.ToDecimal(await scenario.RemainingAsync(pledge)));
    }

    [Fact]
    public async Task A_retry_after_a_lost_reply_returns_the_first_allocation()
    {
        var pledge = await scenario.PledgeAsync(100);
        var request = await scenario.RequestAsync();
        var call = FundingScenario.Allocation(pledge, request, new Money { CurrencyCode = "USD", Units = 60 }, Guid.NewGuid().ToString());
        var losingReplies = new FundingService.FundingServiceClient(suite.Gateway.Intercept(new ReplyLosingInterceptor()));

        await RichErrors.FailsWith(StatusCode.Unavailable, () => losingReplies.CreateAllocationAsync(call).ResponseAsync);
        Assert.Equal(40, (await scenario.RemainingAsync(pledge)).Units);

        // 60 more would overdraw the pledge: only the remembered request id can make this succeed.
        var retried = (await scenario.Funding.CreateAllocationAsync(call)).Allocation;

        var stored = Assert.Single(await scenario.AllocationsOfAsync(request));
        Assert.Equal(stored.Name, retried.Name);
        Assert.Equal(40, (await scenario.RemainingAsync(pledge)).Units);
    }

    [Fact]
    public async Task Parallel_retries_with_one_request_id_allocate_once()
    {
        var pledge = await scenario.PledgeAsync(1_000);
        var request = await scenario.RequestAsync();
        var call = FundingScenario.Allocation(pledge, request, new Money { CurrencyCode = "USD", Units = 7 }, Guid.NewGuid().ToString());

        var replies = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => scenario.Funding.CreateAllocationAsync(call).ResponseAsync));

        Assert.Single(replies.Select(reply => reply.Allocation.Name).Distinct());
        Assert.Single(await scenario.AllocationsOfAsync(request));
        Assert.Equal(993, (await scenario.RemainingAsync(pledge)).Units);
    }

    [Fact]
    public async Task Releases_racing_allocations_never_leave_the_balance_negative_or_drifting()
    {
        var pledge = await scenario.PledgeAsync(100);
        var request = await scenario.RequestAsync();
        var one = new Money { CurrencyCode = "USD", Units = 1 };
        var first = await Task.WhenAll(Enumerable.Range(0, 60).Select(_ => scenario.Direct.CreateAllocationAsync(FundingScenario.Allocation(pledge, request, one)).ResponseAsync));

        var releases = first.Select(async reply =>
        {
            await scenario.Direct.ReleaseAllocationAsync(new ReleaseAllocationRequest { Name = reply.Allocation.Name });
            return 0;
        });
        var allocations = Enumerable.Range(0, 150).Select(async _ =>
        {
            try
            {
                await scenario.Direct.CreateAllocationAsync(FundingScenario.Allocation(pledge, request, one));
                return 1;
            }
            catch (RpcException refusal) when (refusal.StatusCode == StatusCode.FailedPrecondition)
            {
                return 0;
            }
        });
        var allocatedDuringRace = (await Task.WhenAll(releases.Concat(allocations))).Sum();

        var stored = await scenario.AllocationsOfAsync(request);
        var active = stored.Where(allocation => allocation.State == Allocation.Types.State.Active).ToList();
        var remaining = await scenario.RemainingAsync(pledge);
        Assert.True(remaining.Units >= 0);
        Assert.Equal(allocatedDuringRace, active.Count);
        Assert.Equal(100, remaining.Units + active.Sum(allocation => allocation.Amount.Units));
        Assert.Equal(60 + allocatedDuringRace, stored.Count);
    }

    /// <summary>Lets the call reach the server and do its work, then loses the reply on the way back.</summary>
    private sealed class ReplyLosingInterceptor : Interceptor
    {
        public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(
            TRequest request, ClientInterceptorContext<TRequest, TResponse> context, AsyncUnaryCallContinuation<TRequest, TResponse> continuation)
        {
            var call = continuation(request, context);
            return new AsyncUnaryCall<TResponse>(LoseAsync(call.ResponseAsync), call.ResponseHeadersAsync, call.GetStatus, call.GetTrailers, call.Dispose);
        }

        private static async Task<TResponse> LoseAsync<TResponse>(Task<TResponse> response)
        {
            await response;
            throw new RpcException(new Status(StatusCode.Unavailable, "The reply was lost on the way back."));
        }
    }
}

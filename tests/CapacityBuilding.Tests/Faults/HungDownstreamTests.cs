using System.Diagnostics;
using CapacityBuilding.Contracts.Funding.V1;
using CapacityBuilding.Tests.Funding;
using CapacityBuilding.Tests.Infrastructure;
using Grpc.Core;
using Money = Google.Type.Money;

namespace CapacityBuilding.Tests.Faults;

/// <summary>
/// The app a service calls is up but never answers: whether the incoming call carries no
/// deadline or a long one, the cross-service call ends at <c>Invocation:CallDeadline</c>, the
/// caller gets UNAVAILABLE and nothing is written, instead of the service waiting for ever.
/// </summary>
[Collection(SuiteDefinition.Name)]
public sealed class HungDownstreamTests(SuiteFixture suite)
{
    private static readonly TimeSpan CallDeadline = TimeSpan.FromSeconds(1);

    public static TheoryData<int?> CallerDeadlineSeconds => new() { null, 60 };

    [Theory]
    [MemberData(nameof(CallerDeadlineSeconds))]
    public async Task A_call_to_a_hung_app_ends_at_the_call_deadline_and_writes_nothing(int? callerDeadlineSeconds)
    {
        var scenario = new FundingScenario(suite);
        var pledge = await scenario.PledgeAsync(new Money { CurrencyCode = "USD", Units = 100 });
        var request = await scenario.RequestAsync();
        await using var silent = await SilentService.StartAsync();
        var configuration = SuiteFixture.FundingDirectTo(silent.Address);
        configuration["Invocation__CallDeadline"] = CallDeadline.ToString();
        var (process, channel) = await suite.StartExtraFundingAsync(configuration);
        await using var _ = process;
        var funding = new FundingService.FundingServiceClient(channel);
        DateTime? callerDeadline = callerDeadlineSeconds is { } seconds ? DateTime.UtcNow.AddSeconds(seconds) : null;
        // Without the bound the call would wait for ever; give up well before the test's hang limit.
        using var giveUp = new CancellationTokenSource(TimeSpan.FromSeconds(20));

        var clock = Stopwatch.StartNew();
        var refusal = await RichErrors.FailsWith(StatusCode.Unavailable, () => funding.CreateAllocationAsync(
            FundingScenario.Allocation(pledge, request, new Money { CurrencyCode = "USD", Units = 10 }),
            deadline: callerDeadline, cancellationToken: giveUp.Token).ResponseAsync);
        clock.Stop();

        Assert.Equal("ASSISTANCE_UNAVAILABLE", refusal.ErrorInfo()?.Reason);
        Assert.InRange(clock.Elapsed, CallDeadline, CallDeadline * 10);
        Assert.NotEmpty(silent.GrpcTimeouts);
        Assert.Empty(await scenario.AllocationsOfAsync(request));
        Assert.Equal(100, (await scenario.RemainingAsync(pledge)).Units);
    }
}

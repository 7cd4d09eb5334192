using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.Contracts.Training.V1;
using CapacityBuilding.Testing;
using CapacityBuilding.Tests.Infrastructure;
using Grpc.Core;
using Action = CapacityBuilding.Contracts.Assistance.V1.HistoryEntry.Types.Action;
using State = CapacityBuilding.Contracts.Assistance.V1.Offer.Types.State;

namespace CapacityBuilding.Tests.Assistance.Offers;

/// <summary>
/// The sweeper of an assistance process of the test's own, sweeping every 200 ms with a grace of
/// three seconds (the suite's processes sweep every 30 s, which no test waits for): it expires open
/// offers past their time and releases their holds, and finishes acceptances that a call could
/// not finish because the owning service was away.
/// </summary>
[Collection(SuiteDefinition.Name)]
public sealed class OfferSweeperTests(SuiteFixture suite) : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private readonly OfferScenario scenario = new(suite);

    private ServiceProcess sweeper = null!;

    public async Task InitializeAsync() => (sweeper, _) = await suite.StartExtraAssistanceAsync(FastSweeping(SuiteFixture.DirectTo(suite.TrainingAddress, suite.FundingAddress)));

    public async Task DisposeAsync() => await sweeper.DisposeAsync();

    [Fact]
    public async Task An_unanswered_offer_expires_and_gives_back_what_it_held()
    {
        var session = await scenario.SessionAsync(seats: 2);
        var pledge = await scenario.CommittedPledgeAsync(100);
        var request = await scenario.RequestAsync("GHA");
        var seats = await OfferScenario.OfferAsync(scenario.Coordinator(), request, OfferScenario.Seats(session, 2, expiresIn: TimeSpan.FromSeconds(2)));
        var money = await OfferScenario.OfferAsync(scenario.Coordinator(), request, OfferScenario.Money(pledge, 100, expiresIn: TimeSpan.FromSeconds(2)));

        var expired = await scenario.EventuallyAsync(seats, offer => offer.State == State.Expired, Patience);
        await scenario.EventuallyAsync(money, offer => offer.State == State.Expired, Patience);

        Assert.NotNull(expired.AnswerTime);
        await Eventually(async () => (await scenario.SeatHoldAsync(seats)).State == SeatHold.Types.State.Released);
        await Eventually(async () => await scenario.RemainingAsync(pledge) == 100);
        var history = await new RequestLifecycleDriver(scenario.Coordinator()).HistoryAsync(request.Name);
        var expiries = history.Where(entry => entry.Action == Action.OfferExpire).ToList();
        Assert.Equal([seats.Name, money.Name], expiries.Select(entry => entry.Subject).Order(StringComparer.Ordinal));
        Assert.All(expiries, entry => Assert.Equal("assistance", entry.Actor));
        await scenario.AssertHistoryIntactAsync(request);
    }

    [Fact]
    public async Task An_acceptance_left_unfinished_while_training_was_away_is_finished_by_the_sweeper()
    {
        var session = await scenario.SessionAsync(seats: 2);
        var request = await scenario.RequestAsync("GHA");
        var offer = await OfferScenario.OfferAsync(scenario.Coordinator(), request, OfferScenario.Seats(session, 2));
        var deadTraining = SuiteFixture.Loopback(FreePort.Next());
        // No sweeping of its own: the grace would outlast the test.
        var (cutOff, channel) = await suite.StartExtraAssistanceAsync(SuiteFixture.DirectTo(deadTraining, suite.FundingAddress));
        await using (cutOff)
        {
            var ghana = scenario.MemberState("GHA");
            var away = new AssistanceService.AssistanceServiceClient(suite.Channel(new Uri($"http://{channel.Target}"),
                suite.Tokens.Mint(ServiceDefaults.Identity.CallerRole.MemberState, "focal.point@GHA", country: "GHA")));

            var unavailable = await RichErrors.FailsWith(StatusCode.Unavailable,
                () => away.AcceptOfferAsync(new AcceptOfferRequest { Name = offer.Name }, deadline: DateTime.UtcNow.AddSeconds(20)).ResponseAsync);

            Assert.Equal("TRAINING_UNAVAILABLE", unavailable.ErrorInfo()?.Reason);
            Assert.Equal(State.Accepting, (await scenario.GetAsync(offer)).State);
            // Nothing but the acceptance can follow now.
            var decline = await RichErrors.FailsWith(StatusCode.FailedPrecondition, () => OfferScenario.DeclineAsync(ghana, offer));
            Assert.Equal("OFFER_NOT_OPEN", decline.ErrorInfo()?.Reason);
        }

        var accepted = await scenario.EventuallyAsync(offer, current => current.State == State.Accepted, Patience);

        Assert.Equal(SeatHold.Types.State.Confirmed, (await scenario.SeatHoldAsync(offer)).State);
        Assert.Contains((Action.OfferAccept, accepted.Name), await scenario.OfferEntriesAsync(request));
        await scenario.AssertHistoryIntactAsync(request);
    }

    private static Dictionary<string, string> FastSweeping(Dictionary<string, string> configuration)
    {
        configuration["Offers__Sweep__Interval"] = "00:00:00.2";
        configuration["Offers__Sweep__AcceptingGrace"] = "00:00:03";
        return configuration;
    }

    private static async Task Eventually(Func<Task<bool>> condition)
    {
        var deadline = DateTimeOffset.UtcNow + Patience;
        while (!await condition())
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, "The condition did not hold in time.");
            await Task.Delay(100);
        }
    }
}

using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.Contracts.Funding.V1;
using CapacityBuilding.Contracts.Training.V1;
using CapacityBuilding.Tests.Infrastructure;
using Grpc.Core;
using State = CapacityBuilding.Contracts.Assistance.V1.Offer.Types.State;

namespace CapacityBuilding.Tests.Assistance.Offers;

/// <summary>
/// Offers under parallel load. Holds are taken when offers are made, so offers competing for one
/// session's seats or one pledge's money are decided there: never more held than there is, and
/// accepting all the offers made at once confirms exactly those. And on one offer, an acceptance,
/// a decline, a withdrawal and its expiry racing each other end in exactly one outcome, with the
/// hold confirmed exactly when that outcome is an acceptance and released otherwise. Every
/// request's history verifies afterwards.
/// </summary>
[Collection(SuiteDefinition.Name)]
public sealed class OfferRaceTests(SuiteFixture suite)
{
    private static readonly string[] Countries = ["GHA", "KEN", "SEN", "VNM", "PRY", "PNG"];

    private readonly OfferScenario scenario = new(suite);

    [Fact]
    public async Task Parallel_offers_and_acceptances_never_hold_more_seats_than_the_session_has()
    {
        const int Seats = 8;
        var session = await scenario.SessionAsync(Seats);
        var requests = await Task.WhenAll(Countries.Select(country => scenario.RequestAsync(country)));
        var coordinator = scenario.Coordinator();

        var made = await Task.WhenAll(Enumerable.Range(0, 30).Select(i =>
            Outcome(OfferScenario.OfferAsync(coordinator, requests[i % requests.Length], OfferScenario.Seats(session, 1)))));

        var offers = made.Where(outcome => outcome.Value is not null).Select(outcome => outcome.Value!).ToList();
        Assert.Equal(Seats, offers.Count);
        Assert.All(made.Where(outcome => outcome.Error is not null), outcome => Assert.Equal("SEATS_UNAVAILABLE", outcome.Error!.ErrorInfo()?.Reason));
        var accepted = await Task.WhenAll(offers.Select(offer => OfferScenario.AcceptAsync(scenario.MemberState(CountryOf(requests, offer)), offer)));
        Assert.All(accepted, response => Assert.Equal(State.Accepted, response.Offer.State));
        var holds = await Task.WhenAll(offers.Select(scenario.SeatHoldAsync));
        Assert.All(holds, hold => Assert.Equal(SeatHold.Types.State.Confirmed, hold.State));
        Assert.Equal(Seats, holds.Sum(hold => hold.Seats));
        var more = await RichErrors.FailsWith(StatusCode.FailedPrecondition, () => OfferScenario.OfferAsync(coordinator, requests[0], OfferScenario.Seats(session, 1)));
        Assert.Equal("SEATS_UNAVAILABLE", more.ErrorInfo()?.Reason);
        foreach (var request in requests)
        {
            await scenario.AssertHistoryIntactAsync(request);
        }
    }

    [Fact]
    public async Task Parallel_offers_and_acceptances_never_hold_more_money_than_the_pledge_has()
    {
        var pledge = await scenario.CommittedPledgeAsync(100);
        var requests = await Task.WhenAll(Countries.Select(country => scenario.RequestAsync(country)));
        var donor = scenario.Donor(pledge);

        var made = await Task.WhenAll(Enumerable.Range(0, 25).Select(i =>
            Outcome(OfferScenario.OfferAsync(donor, requests[i % requests.Length], OfferScenario.Money(pledge, 10)))));

        var offers = made.Where(outcome => outcome.Value is not null).Select(outcome => outcome.Value!).ToList();
        Assert.Equal(10, offers.Count);
        Assert.All(made.Where(outcome => outcome.Error is not null), outcome => Assert.Equal("INSUFFICIENT_PLEDGE_BALANCE", outcome.Error!.ErrorInfo()?.Reason));
        await Task.WhenAll(offers.Select(offer => OfferScenario.AcceptAsync(scenario.MemberState(CountryOf(requests, offer)), offer)));
        var allocations = await Task.WhenAll(offers.Select(scenario.AllocationAsync));
        Assert.All(allocations, allocation => Assert.Equal(Allocation.Types.State.Active, allocation.State));
        Assert.Equal(100, allocations.Sum(allocation => allocation.Amount.Units));
        Assert.Equal(0, await scenario.RemainingAsync(pledge));
        foreach (var request in requests)
        {
            await scenario.AssertHistoryIntactAsync(request);
        }
    }

    /// <summary>
    /// Each round's offer expires 1.5 s after it is made; at about that moment its requesting state
    /// accepts and declines it and the coordinator withdraws it, while a process of the test's own
    /// sweeps every 100 ms. Offers on one request also race each other for its history.
    /// </summary>
    [Fact]
    public async Task Accept_decline_withdraw_and_expiry_racing_on_one_offer_end_in_one_outcome_with_consistent_holds()
    {
        const int Rounds = 24;
        var (sweeper, _) = await suite.StartExtraAssistanceAsync(new Dictionary<string, string>(SuiteFixture.DirectTo(suite.TrainingAddress, suite.FundingAddress))
        {
            ["Offers__Sweep__Interval"] = "00:00:00.1",
        });
        await using var sweeping = sweeper;
        var session = await scenario.SessionAsync(Rounds);
        var pledge = await scenario.CommittedPledgeAsync(Rounds);
        var requests = await Task.WhenAll(Countries.Take(3).Select(country => scenario.RequestAsync(country)));
        var coordinator = scenario.Coordinator();

        var rounds = await Task.WhenAll(Enumerable.Range(0, Rounds).Select(async round =>
        {
            var request = requests[round % requests.Length];
            var proposal = round % 2 == 0 ? OfferScenario.Seats(session, 1, TimeSpan.FromSeconds(1.5)) : OfferScenario.Money(pledge, 1, TimeSpan.FromSeconds(1.5));
            var offer = await OfferScenario.OfferAsync(coordinator, request, proposal);
            var member = scenario.MemberState(CountryOf(requests, offer));
            // Some rounds answer before the expire time, some at it, some after.
            var fireAt = offer.ExpireTime.ToDateTimeOffset() + TimeSpan.FromMilliseconds((round % 8 * 100) - 600);
            var wait = fireAt - DateTimeOffset.UtcNow;
            await Task.Delay(wait > TimeSpan.Zero ? wait : TimeSpan.Zero);
            var answers = await Task.WhenAll(
                Failure(OfferScenario.AcceptAsync(member, offer)),
                Failure(OfferScenario.DeclineAsync(member, offer)),
                Failure(OfferScenario.WithdrawAsync(coordinator, offer)));
            return (Offer: offer, Accepted: answers[0] is null, Declined: answers[1] is null, Withdrawn: answers[2] is null, Refusals: answers.OfType<RpcException>());
        }));

        foreach (var round in rounds)
        {
            var final = await scenario.EventuallyAsync(round.Offer, offer => offer.State is not (State.Open or State.Accepting), TimeSpan.FromSeconds(20));
            var winners = new[] { round.Accepted, round.Declined, round.Withdrawn }.Count(won => won);
            Assert.True(winners <= 1, $"{round.Offer.Name}: {winners} answers succeeded.");
            var expected = round.Accepted ? State.Accepted : round.Declined ? State.Declined : round.Withdrawn ? State.Withdrawn : State.Expired;
            Assert.Equal(expected, final.State);
            Assert.All(round.Refusals, refusal => Assert.Contains(refusal.ErrorInfo()?.Reason, new[] { "OFFER_NOT_OPEN", "OFFER_EXPIRED" }));
            await AssertHoldAsync(final, taken: final.State == State.Accepted);
        }

        Assert.Contains(rounds, round => round.Accepted || round.Declined || round.Withdrawn);
        foreach (var request in requests)
        {
            await scenario.AssertHistoryIntactAsync(request);
        }
    }

    /// <summary>The offer's hold, once the sweeper has had time for any release that failed: confirmed when taken, released otherwise.</summary>
    private async Task AssertHoldAsync(Offer offer, bool taken)
    {
        var deadline = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(20);
        while (true)
        {
            var state = offer.SessionSeats is not null
                ? (await scenario.SeatHoldAsync(offer)).State.ToString()
                : (await scenario.AllocationAsync(offer)).State.ToString();
            var expected = offer.SessionSeats is not null
                ? (taken ? SeatHold.Types.State.Confirmed : SeatHold.Types.State.Released).ToString()
                : (taken ? Allocation.Types.State.Active : Allocation.Types.State.Released).ToString();
            if (state == expected)
            {
                return;
            }

            Assert.True(DateTimeOffset.UtcNow < deadline, $"{offer.Name} is {offer.State} but its hold {offer.Hold} is {state}.");
            await Task.Delay(100);
        }
    }

    private static string CountryOf(IEnumerable<AssistanceRequest> requests, Offer offer) =>
        requests.Single(request => offer.Name.StartsWith(request.Name + "/", StringComparison.Ordinal)).RequestingState;

    private static async Task<RpcException?> Failure(Task call)
    {
        try
        {
            await call;
            return null;
        }
        catch (RpcException error)
        {
            return error;
        }
    }

    private static async Task<(T? Value, RpcException? Error)> Outcome<T>(Task<T> call)
        where T : class
    {
        try
        {
            return (await call, null);
        }
        catch (RpcException error)
        {
            return (null, error);
        }
    }
}

using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.Contracts.Funding.V1;
using CapacityBuilding.Contracts.Training.V1;
using CapacityBuilding.Testing;
using CapacityBuilding.Tests.Infrastructure;
using Grpc.Core;
using Action = CapacityBuilding.Contracts.Assistance.V1.HistoryEntry.Types.Action;
using State = CapacityBuilding.Contracts.Assistance.V1.Offer.Types.State;

namespace CapacityBuilding.Tests.Assistance.Offers;

/// <summary>
/// An offer from creation to its answer, for seats and for money, in direct mode and through the
/// Dapr sidecar stand-in: it holds what it proposes in the owning service from the start, accepting
/// confirms the hold, declining and withdrawing release it, and every step is an entry of the
/// request's history, which still verifies.
/// </summary>
[Collection(SuiteDefinition.Name)]
public sealed class OfferFlowTests(SuiteFixture suite)
{
    private readonly OfferScenario scenario = new(suite);

    public static TheoryData<string> Modes => OfferScenario.Modes;

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task Seats_are_held_from_the_offer_and_confirmed_for_the_country_when_it_accepts(string mode)
    {
        var session = await scenario.SessionAsync(seats: 10);
        var request = await scenario.RequestAsync("GHA");

        var offer = await OfferScenario.OfferAsync(scenario.Coordinator(mode), request, OfferScenario.Seats(session, 4));

        Assert.Equal(State.Open, offer.State);
        Assert.StartsWith(request.Name + "/offers/", offer.Name, StringComparison.Ordinal);
        Assert.Equal(OfferScenario.CoordinatorSubject, offer.Proposer);
        var hold = await scenario.SeatHoldAsync(offer);
        Assert.Equal((SeatHold.Types.State.Held, "GHA", 4, offer.Name), (hold.State, hold.Country, hold.Seats, hold.Offer));
        Assert.StartsWith(session.Name + "/seatHolds/", hold.Name, StringComparison.Ordinal);

        var ghana = scenario.MemberState("GHA", mode);
        Assert.Equal([offer.Name], (await ghana.ListOffersAsync(new ListOffersRequest { Parent = request.Name })).Offers.Select(listed => listed.Name));
        var accepted = (await OfferScenario.AcceptAsync(ghana, offer)).Offer;

        Assert.Equal(State.Accepted, accepted.State);
        Assert.NotNull(accepted.AnswerTime);
        Assert.Equal(SeatHold.Types.State.Confirmed, (await scenario.SeatHoldAsync(offer)).State);
        // Accepting again is answered with the accepted offer; nothing changes.
        Assert.Equal(accepted, (await OfferScenario.AcceptAsync(ghana, offer)).Offer);
        Assert.Equal([(Action.OfferCreate, offer.Name), (Action.OfferAccept, offer.Name)], await scenario.OfferEntriesAsync(request));
        await scenario.AssertHistoryIntactAsync(request);
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task A_donor_offers_its_committed_money_and_the_acceptance_allocates_it(string mode)
    {
        var pledge = await scenario.CommittedPledgeAsync(100);
        var request = await scenario.RequestAsync("SEN");

        var offer = await OfferScenario.OfferAsync(scenario.Donor(pledge, mode), request, OfferScenario.Money(pledge, 40));

        Assert.Equal((State.Open, $"donors/{OfferScenario.DonorIdOf(pledge)}"), (offer.State, offer.Proposer));
        Assert.Equal(Allocation.Types.State.Proposed, (await scenario.AllocationAsync(offer)).State);
        Assert.Equal(60, await scenario.RemainingAsync(pledge));

        var accepted = (await OfferScenario.AcceptAsync(scenario.MemberState("SEN", mode), offer)).Offer;

        Assert.Equal(State.Accepted, accepted.State);
        var allocation = await scenario.AllocationAsync(offer);
        Assert.Equal((Allocation.Types.State.Active, request.Name, 40L), (allocation.State, allocation.AssistanceRequest, allocation.Amount.Units));
        Assert.Equal(60, await scenario.RemainingAsync(pledge));
        await scenario.AssertHistoryIntactAsync(request);
    }

    [Fact]
    public async Task Declining_needs_a_reason_and_gives_the_seats_back()
    {
        var session = await scenario.SessionAsync(seats: 3);
        var request = await scenario.RequestAsync("GHA");
        var offer = await OfferScenario.OfferAsync(scenario.Coordinator(), request, OfferScenario.Seats(session, 3));
        var ghana = scenario.MemberState("GHA");

        var noReason = await RichErrors.FailsWith(StatusCode.InvalidArgument, () => OfferScenario.DeclineAsync(ghana, offer, reason: " "));
        Assert.Equal(["reason"], noReason.ViolatedFields());
        var declined = (await OfferScenario.DeclineAsync(ghana, offer)).Offer;

        Assert.Equal((State.Declined, "The national academy runs this course"), (declined.State, declined.AnswerReason));
        Assert.Equal(SeatHold.Types.State.Released, (await scenario.SeatHoldAsync(offer)).State);
        // The three seats are free again: another offer can hold them all.
        await OfferScenario.OfferAsync(scenario.Coordinator(), request, OfferScenario.Seats(session, 3));
        var late = await RichErrors.FailsWith(StatusCode.FailedPrecondition, () => OfferScenario.AcceptAsync(ghana, offer));
        Assert.Equal(("OFFER_NOT_OPEN", "STATE_DECLINED"), (late.ErrorInfo()?.Reason, late.ErrorInfo()?.Metadata["state"]));
        var entries = await scenario.OfferEntriesAsync(request);
        Assert.Contains((Action.OfferDecline, offer.Name), entries);
        await scenario.AssertHistoryIntactAsync(request);
    }

    [Fact]
    public async Task Withdrawing_gives_the_money_back_to_the_pledge()
    {
        var pledge = await scenario.CommittedPledgeAsync(100);
        var request = await scenario.RequestAsync("GHA");
        var offer = await OfferScenario.OfferAsync(scenario.Coordinator(), request, OfferScenario.Money(pledge, 70));

        var withdrawn = (await OfferScenario.WithdrawAsync(scenario.Coordinator(), offer)).Offer;

        Assert.Equal(State.Withdrawn, withdrawn.State);
        Assert.Equal(Allocation.Types.State.Released, (await scenario.AllocationAsync(offer)).State);
        Assert.Equal(100, await scenario.RemainingAsync(pledge));
        Assert.Contains((Action.OfferWithdraw, offer.Name), await scenario.OfferEntriesAsync(request));
    }

    [Fact]
    public async Task Another_country_never_learns_that_the_offers_exist()
    {
        var session = await scenario.SessionAsync(seats: 5);
        var request = await scenario.RequestAsync("GHA");
        var offer = await OfferScenario.OfferAsync(scenario.Coordinator(), request, OfferScenario.Seats(session, 1));
        var kenya = scenario.MemberState("KEN");
        var missing = offer.Name[..offer.Name.LastIndexOf('/')] + "/0123456789abcdef0123456789abcdef";

        var calls = new Func<string, Task>[]
        {
            name => kenya.GetOfferAsync(new GetOfferRequest { Name = name }).ResponseAsync,
            name => kenya.AcceptOfferAsync(new AcceptOfferRequest { Name = name }).ResponseAsync,
            name => kenya.DeclineOfferAsync(new DeclineOfferRequest { Name = name, Reason = "not ours" }).ResponseAsync,
        };
        foreach (var call in calls)
        {
            var hidden = await RichErrors.FailsWith(StatusCode.NotFound, () => call(offer.Name));
            var absent = await RichErrors.FailsWith(StatusCode.NotFound, () => call(missing));
            Assert.Equal(absent.Status.Detail.Replace(missing, offer.Name, StringComparison.Ordinal), hidden.Status.Detail);
        }

        await RichErrors.FailsWith(StatusCode.NotFound, () => kenya.ListOffersAsync(new ListOffersRequest { Parent = request.Name }).ResponseAsync);
        Assert.Equal(State.Open, (await scenario.GetAsync(offer)).State);
        Assert.Equal(SeatHold.Types.State.Held, (await scenario.SeatHoldAsync(offer)).State);
    }

    [Fact]
    public async Task A_donor_sees_proposes_and_withdraws_only_what_involves_its_own_money()
    {
        var session = await scenario.SessionAsync(seats: 5);
        var own = await scenario.CommittedPledgeAsync(100);
        var others = await scenario.CommittedPledgeAsync(100);
        var request = await scenario.RequestAsync("GHA");
        var donor = scenario.Donor(own);
        var seats = await OfferScenario.OfferAsync(scenario.Coordinator(), request, OfferScenario.Seats(session, 1));
        var mine = await OfferScenario.OfferAsync(donor, request, OfferScenario.Money(own, 10));
        var proposedForMe = await OfferScenario.OfferAsync(scenario.Coordinator(), request, OfferScenario.Money(own, 10));
        var theirs = await OfferScenario.OfferAsync(scenario.Donor(others), request, OfferScenario.Money(others, 10));

        var listed = (await donor.ListOffersAsync(new ListOffersRequest { Parent = request.Name })).Offers.Select(offer => offer.Name);
        Assert.Equal([proposedForMe.Name, mine.Name], listed);
        await RichErrors.FailsWith(StatusCode.NotFound, () => donor.GetOfferAsync(new GetOfferRequest { Name = theirs.Name }).ResponseAsync);
        await RichErrors.FailsWith(StatusCode.NotFound, () => donor.GetOfferAsync(new GetOfferRequest { Name = seats.Name }).ResponseAsync);
        await RichErrors.FailsWith(StatusCode.NotFound, () => OfferScenario.WithdrawAsync(donor, theirs));
        await RichErrors.FailsWith(StatusCode.PermissionDenied, () => OfferScenario.WithdrawAsync(donor, proposedForMe));
        await RichErrors.FailsWith(StatusCode.PermissionDenied, () => OfferScenario.OfferAsync(donor, request, OfferScenario.Seats(session, 1)));
        await RichErrors.FailsWith(StatusCode.PermissionDenied, () => OfferScenario.OfferAsync(donor, request, OfferScenario.Money(others, 10)));
        Assert.Equal(State.Withdrawn, (await OfferScenario.WithdrawAsync(donor, mine)).Offer.State);

        var all = (await scenario.Auditor().ListOffersAsync(new ListOffersRequest { Parent = request.Name })).Offers.Select(offer => offer.Name);
        Assert.Equal([theirs.Name, proposedForMe.Name, mine.Name, seats.Name], all);
        var open = await scenario.Auditor().ListOffersAsync(new ListOffersRequest { Parent = request.Name, State = State.Open, PageSize = 2 });
        Assert.Equal([theirs.Name, proposedForMe.Name], open.Offers.Select(offer => offer.Name));
        var rest = await scenario.Auditor().ListOffersAsync(new ListOffersRequest { Parent = request.Name, State = State.Open, PageSize = 2, PageToken = open.NextPageToken });
        Assert.Equal([seats.Name], rest.Offers.Select(offer => offer.Name));
        Assert.Empty(rest.NextPageToken);
    }

    [Fact]
    public async Task Offers_are_made_on_approved_and_in_delivery_requests_only_and_a_refusal_holds_nothing()
    {
        var session = await scenario.SessionAsync(seats: 2);
        var submitted = await scenario.RequestAsync("GHA", Contracts.Assistance.V1.AssistanceRequest.Types.State.Submitted);
        var inDelivery = await scenario.RequestAsync("GHA", Contracts.Assistance.V1.AssistanceRequest.Types.State.InDelivery);

        var refusal = await RichErrors.FailsWith(StatusCode.FailedPrecondition,
            () => OfferScenario.OfferAsync(scenario.Coordinator(), submitted, OfferScenario.Seats(session, 2)));

        Assert.Equal("INVALID_STATE", refusal.ErrorInfo()?.Reason);
        Assert.Equal(State.Open, (await OfferScenario.OfferAsync(scenario.Coordinator(), inDelivery, OfferScenario.Seats(session, 2))).State);
    }

    [Fact]
    public async Task A_suspended_request_takes_no_new_offer_and_its_open_offers_are_accepted_only_once_it_is_resumed()
    {
        var session = await scenario.SessionAsync(seats: 2);
        var request = await scenario.RequestAsync("GHA");
        var open = await OfferScenario.OfferAsync(scenario.Coordinator(), request, OfferScenario.Seats(session, 1));
        var driver = new RequestLifecycleDriver(scenario.Coordinator());
        await driver.ActAsync(request.Name, Action.Suspend, reason: "The requesting state asked for a pause.");

        var newOffer = await RichErrors.FailsWith(StatusCode.FailedPrecondition,
            () => OfferScenario.OfferAsync(scenario.Coordinator(), request, OfferScenario.Seats(session, 1)));
        var acceptance = await RichErrors.FailsWith(StatusCode.FailedPrecondition, () => OfferScenario.AcceptAsync(scenario.MemberState("GHA"), open));

        Assert.Equal(("REQUEST_SUSPENDED", "REQUEST_SUSPENDED"), (newOffer.ErrorInfo()?.Reason, acceptance.ErrorInfo()?.Reason));
        Assert.Equal(State.Open, (await scenario.GetAsync(open)).State);
        await driver.ActAsync(request.Name, Action.Resume);
        Assert.Equal(State.Accepted, (await OfferScenario.AcceptAsync(scenario.MemberState("GHA"), open)).Offer.State);
    }

    [Fact]
    public async Task A_request_with_open_offers_is_neither_withdrawn_nor_completed_until_they_are_answered()
    {
        var pledge = await scenario.CommittedPledgeAsync(100);
        var approved = await scenario.RequestAsync("GHA");
        var inDelivery = await scenario.RequestAsync("GHA", Contracts.Assistance.V1.AssistanceRequest.Types.State.InDelivery);
        var first = await OfferScenario.OfferAsync(scenario.Coordinator(), approved, OfferScenario.Money(pledge, 10));
        var second = await OfferScenario.OfferAsync(scenario.Coordinator(), inDelivery, OfferScenario.Money(pledge, 10));
        var driver = new RequestLifecycleDriver(scenario.Coordinator());

        var withdrawal = await RichErrors.FailsWith(StatusCode.FailedPrecondition, () => driver.ActAsync(approved.Name, Action.Withdraw));
        var completion = await RichErrors.FailsWith(StatusCode.FailedPrecondition, () => driver.ActAsync(inDelivery.Name, Action.Complete));

        Assert.Equal(("REQUEST_HAS_OPEN_OFFERS", "1"), (withdrawal.ErrorInfo()?.Reason, withdrawal.ErrorInfo()?.Metadata["open_offers"]));
        Assert.Equal("REQUEST_HAS_OPEN_OFFERS", completion.ErrorInfo()?.Reason);
        await OfferScenario.WithdrawAsync(scenario.Coordinator(), first);
        await OfferScenario.DeclineAsync(scenario.MemberState("GHA"), second);
        Assert.Equal(Contracts.Assistance.V1.AssistanceRequest.Types.State.Withdrawn, (await driver.ActAsync(approved.Name, Action.Withdraw)).State);
        Assert.Equal(Contracts.Assistance.V1.AssistanceRequest.Types.State.Completed, (await driver.ActAsync(inDelivery.Name, Action.Complete)).State);
        Assert.Equal(100, await scenario.RemainingAsync(pledge));
    }

    [Fact]
    public async Task Past_its_expire_time_an_offer_can_no_longer_be_answered_even_before_the_sweeper_ran()
    {
        var session = await scenario.SessionAsync(seats: 2);
        var request = await scenario.RequestAsync("GHA");
        var offer = await OfferScenario.OfferAsync(scenario.Coordinator(), request, OfferScenario.Seats(session, 1, expiresIn: TimeSpan.FromSeconds(2)));
        var untilExpired = offer.ExpireTime.ToDateTimeOffset() - DateTimeOffset.UtcNow + TimeSpan.FromMilliseconds(100);
        await Task.Delay(untilExpired > TimeSpan.Zero ? untilExpired : TimeSpan.Zero);
        var ghana = scenario.MemberState("GHA");

        var accept = await RichErrors.FailsWith(StatusCode.FailedPrecondition, () => OfferScenario.AcceptAsync(ghana, offer));
        var decline = await RichErrors.FailsWith(StatusCode.FailedPrecondition, () => OfferScenario.DeclineAsync(ghana, offer));

        Assert.Equal("OFFER_EXPIRED", accept.ErrorInfo()?.Reason);
        Assert.Equal("OFFER_EXPIRED", decline.ErrorInfo()?.Reason);
        // The suite's own sweepers may have marked it expired meanwhile; the answer is the same.
        Assert.Contains((await scenario.GetAsync(offer)).State, new[] { State.Open, State.Expired });
    }

    [Fact]
    public async Task An_offer_whose_hold_is_gone_lapses_on_acceptance_with_the_owning_services_reason()
    {
        var session = await scenario.SessionAsync(seats: 2);
        var request = await scenario.RequestAsync("GHA");
        var offer = await OfferScenario.OfferAsync(scenario.Coordinator(), request, OfferScenario.Seats(session, 2));
        await scenario.Training.ReleaseSeatHoldAsync(new ReleaseSeatHoldRequest { Name = offer.Hold });

        var refusal = await RichErrors.FailsWith(StatusCode.FailedPrecondition, () => OfferScenario.AcceptAsync(scenario.MemberState("GHA"), offer));

        Assert.Equal(("SEAT_HOLD_RELEASED", "assistance.capacitybuilding.unodc.org"), (refusal.ErrorInfo()?.Reason, refusal.ErrorInfo()?.Domain));
        var lapsed = await scenario.GetAsync(offer);
        Assert.Equal(State.Lapsed, lapsed.State);
        Assert.NotEmpty(lapsed.AnswerReason);
        Assert.Equal([(Action.OfferCreate, offer.Name), (Action.OfferLapse, offer.Name)], await scenario.OfferEntriesAsync(request));
        await scenario.AssertHistoryIntactAsync(request);
    }

    [Fact]
    public async Task A_new_offer_is_checked_before_anything_is_held()
    {
        var session = await scenario.SessionAsync(seats: 2);
        var request = await scenario.RequestAsync("GHA");
        var offer = OfferScenario.Seats(session, 0, expiresIn: TimeSpan.FromDays(91));
        offer.SessionSeats.Session = "sessions/x";

        var refusal = await RichErrors.FailsWith(StatusCode.InvalidArgument, () => OfferScenario.OfferAsync(scenario.Coordinator(), request, offer));

        Assert.Equal(["offer.session_seats.session", "offer.session_seats.seats", "offer.expire_time"], refusal.ViolatedFields());
        var noProposal = new Offer { ExpireTime = OfferScenario.Seats(session, 1).ExpireTime };
        var empty = await RichErrors.FailsWith(StatusCode.InvalidArgument, () => OfferScenario.OfferAsync(scenario.Coordinator(), request, noProposal));
        Assert.Contains("offer.proposal", empty.ViolatedFields());
    }

    [Fact]
    public async Task A_retried_create_with_the_same_request_id_returns_the_first_offer_and_holds_once()
    {
        var session = await scenario.SessionAsync(seats: 3);
        var request = await scenario.RequestAsync("GHA");
        var create = new CreateOfferRequest { Parent = request.Name, Offer = OfferScenario.Seats(session, 2), RequestId = Guid.NewGuid().ToString() };

        var first = (await scenario.Coordinator().CreateOfferAsync(create)).Offer;
        var again = (await scenario.Coordinator().CreateOfferAsync(create)).Offer;

        Assert.Equal(first, again);
        // Only two of the three seats are held: one more seat can be offered, not two.
        await OfferScenario.OfferAsync(scenario.Coordinator(), request, OfferScenario.Seats(session, 1));
        var full = await RichErrors.FailsWith(StatusCode.FailedPrecondition, () => OfferScenario.OfferAsync(scenario.Coordinator(), request, OfferScenario.Seats(session, 1)));
        Assert.Equal("SEATS_UNAVAILABLE", full.ErrorInfo()?.Reason);
    }

    [Fact]
    public async Task Accepting_again_finishes_an_acceptance_left_unfinished()
    {
        var pledge = await scenario.CommittedPledgeAsync(50);
        var request = await scenario.RequestAsync("GHA");
        var offer = await OfferScenario.OfferAsync(scenario.Coordinator(), request, OfferScenario.Money(pledge, 50));
        var deadFunding = SuiteFixture.Loopback(FreePort.Next());
        var (cutOff, channel) = await suite.StartExtraAssistanceAsync(SuiteFixture.DirectTo(suite.TrainingAddress, deadFunding));
        var token = suite.Tokens.Mint(ServiceDefaults.Identity.CallerRole.MemberState, "focal.point@GHA", country: "GHA");
        await using (cutOff)
        {
            var away = new AssistanceService.AssistanceServiceClient(suite.Channel(new Uri($"http://{channel.Target}"), token));
            await RichErrors.FailsWith(StatusCode.Unavailable,
                () => away.AcceptOfferAsync(new AcceptOfferRequest { Name = offer.Name }, deadline: DateTime.UtcNow.AddSeconds(20)).ResponseAsync);
        }

        var accepted = (await OfferScenario.AcceptAsync(scenario.Assistance("direct", token), offer)).Offer;

        Assert.Equal(State.Accepted, accepted.State);
        Assert.Equal(Allocation.Types.State.Active, (await scenario.AllocationAsync(offer)).State);
    }
}

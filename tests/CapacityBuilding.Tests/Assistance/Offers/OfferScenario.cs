using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.Contracts.Funding.V1;
using CapacityBuilding.Contracts.Training.V1;
using CapacityBuilding.ServiceDefaults.Identity;
using CapacityBuilding.Tests.Funding;
using CapacityBuilding.Tests.Infrastructure;
using CapacityBuilding.Tests.Training;
using Google.Protobuf.WellKnownTypes;
using Google.Type;
using Action = CapacityBuilding.Contracts.Assistance.V1.HistoryEntry.Types.Action;
using RequestState = CapacityBuilding.Contracts.Assistance.V1.AssistanceRequest.Types.State;

namespace CapacityBuilding.Tests.Assistance.Offers;

/// <summary>
/// Approved requests, sessions and committed pledges to make offers on, and the clients of each
/// role: the assistance process in direct mode (it reaches training and funding itself) or in
/// Dapr mode (through the sidecar stand-in, which enforces k8s/'s access control).
/// </summary>
internal sealed class OfferScenario(SuiteFixture suite)
{
    public const string CoordinatorSubject = "offer-coordinator";

    public static TheoryData<string> Modes => new() { "direct", "dapr" };

    public FundingScenario Funding { get; } = new(suite);

    /// <summary>Training as a coordinator, through the gateway: sessions and their seat holds.</summary>
    public TrainingService.TrainingServiceClient Training { get; } = new(suite.Gateway);

    public TrainingSetup Sessions { get; } = new(new TrainingService.TrainingServiceClient(suite.Gateway));

    public AssistanceService.AssistanceServiceClient Coordinator(string mode = "direct") => Assistance(mode, suite.Tokens.Mint(CallerRole.Coordinator, CoordinatorSubject));

    public AssistanceService.AssistanceServiceClient MemberState(string country, string mode = "direct") =>
        Assistance(mode, suite.Tokens.Mint(CallerRole.MemberState, $"focal.point@{country}", country: country));

    public AssistanceService.AssistanceServiceClient Donor(Pledge pledge, string mode = "direct") =>
        Assistance(mode, suite.Tokens.Mint(CallerRole.Donor, "donor-" + DonorIdOf(pledge), donorId: DonorIdOf(pledge)));

    public AssistanceService.AssistanceServiceClient Auditor() => Assistance("direct", suite.Tokens.Mint(CallerRole.Auditor, "offer-auditor"));

    public AssistanceService.AssistanceServiceClient Assistance(string mode, string token) =>
        new(suite.Channel(mode == "dapr" ? suite.DaprModeAssistanceAddress : suite.AssistanceAddress, token));

    public Task<AssistanceRequest> RequestAsync(string country = "GHA", RequestState state = RequestState.Approved) =>
        Funding.RequestAsync(country, state: state);

    public Task<Session> SessionAsync(int seats) => Sessions.SessionAsync(seats);

    /// <summary>A new donor's pledge of <paramref name="units"/> USD, committed (only committed money can be offered).</summary>
    public Task<Pledge> CommittedPledgeAsync(long units) => Funding.PledgeAsync(units);

    public static string DonorIdOf(Pledge pledge) => pledge.Name.Split('/')[1];

    public static Offer Seats(Session session, int seats, TimeSpan? expiresIn = null) => new()
    {
        SessionSeats = new Offer.Types.SessionSeats { Session = session.Name, Seats = seats },
        Terms = "Seats for the cybercrime unit's investigators",
        ExpireTime = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow + (expiresIn ?? TimeSpan.FromDays(30))),
    };

    public static Offer Money(Pledge pledge, long units, TimeSpan? expiresIn = null) => new()
    {
        FundingPackage = new Offer.Types.FundingPackage { Pledge = pledge.Name, Amount = new Money { CurrencyCode = "USD", Units = units } },
        Terms = "For the forensic laboratory's equipment",
        ExpireTime = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow + (expiresIn ?? TimeSpan.FromDays(30))),
    };

    public static async Task<Offer> OfferAsync(AssistanceService.AssistanceServiceClient proposer, AssistanceRequest request, Offer offer) =>
        (await proposer.CreateOfferAsync(new CreateOfferRequest { Parent = request.Name, Offer = offer })).Offer;

    public async Task<Offer> GetAsync(Offer offer) => (await Coordinator().GetOfferAsync(new GetOfferRequest { Name = offer.Name })).Offer;

    public async Task<SeatHold> SeatHoldAsync(Offer offer) => (await Training.GetSeatHoldAsync(new GetSeatHoldRequest { Name = offer.Hold })).SeatHold;

    public async Task<Allocation> AllocationAsync(Offer offer) => (await Funding.Funding.GetAllocationAsync(new GetAllocationRequest { Name = offer.Hold })).Allocation;

    public async Task<long> RemainingAsync(Pledge pledge) => (await Funding.RemainingAsync(pledge)).Units;

    public static Task<AcceptOfferResponse> AcceptAsync(AssistanceService.AssistanceServiceClient client, Offer offer) =>
        client.AcceptOfferAsync(new AcceptOfferRequest { Name = offer.Name }).ResponseAsync;

    public static Task<DeclineOfferResponse> DeclineAsync(AssistanceService.AssistanceServiceClient client, Offer offer, string reason = "The national academy runs this course") =>
        client.DeclineOfferAsync(new DeclineOfferRequest { Name = offer.Name, Reason = reason }).ResponseAsync;

    public static Task<WithdrawOfferResponse> WithdrawAsync(AssistanceService.AssistanceServiceClient client, Offer offer, string reason = "The session was moved") =>
        client.WithdrawOfferAsync(new WithdrawOfferRequest { Name = offer.Name, Reason = reason }).ResponseAsync;

    /// <summary>The request's history entries about offers: (action, subject).</summary>
    public async Task<List<(Action Action, string Subject)>> OfferEntriesAsync(AssistanceRequest request)
    {
        var history = await new RequestLifecycleDriver(Coordinator()).HistoryAsync(request.Name);
        return [.. history.Where(entry => entry.Subject.Length > 0).Select(entry => (entry.Action, entry.Subject))];
    }

    public async Task AssertHistoryIntactAsync(AssistanceRequest request)
    {
        var verdict = await Coordinator().VerifyAssistanceRequestHistoryAsync(new VerifyAssistanceRequestHistoryRequest { Name = request.Name });
        Assert.True(verdict.Intact, $"{request.Name}: entry {verdict.FirstBrokenSequence}: {verdict.Problem}");
    }

    /// <summary>Waits until <paramref name="done"/> holds of the offer as stored, or fails after <paramref name="timeout"/>.</summary>
    public async Task<Offer> EventuallyAsync(Offer offer, Func<Offer, bool> done, TimeSpan timeout)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (true)
        {
            var current = await GetAsync(offer);
            if (done(current))
            {
                return current;
            }

            Assert.True(DateTimeOffset.UtcNow < deadline, $"{offer.Name} is still {current.State} after {timeout}.");
            await Task.Delay(100);
        }
    }
}

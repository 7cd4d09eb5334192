using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.Contracts.Common.V1;
using CapacityBuilding.Contracts.Funding.V1;
using CapacityBuilding.Tests.Assistance;
using CapacityBuilding.Tests.Infrastructure;
using Google.Type;
using State = CapacityBuilding.Contracts.Assistance.V1.AssistanceRequest.Types.State;

namespace CapacityBuilding.Tests.Funding;

/// <summary>Donors, pledges and approved requests for funding tests, made through the gateway.</summary>
internal sealed class FundingScenario(SuiteFixture suite)
{
    public FundingService.FundingServiceClient Funding { get; } = new(suite.Gateway);

    public AssistanceService.AssistanceServiceClient Assistance { get; } = new(suite.Gateway);

    /// <summary>
    /// The funding process itself, as a coordinator, for races wider than the gateway's per-caller
    /// token bucket (burst 200): refusing a burst is the door's job, tested with the gateway; the
    /// money invariants are the service's.
    /// </summary>
    public FundingService.FundingServiceClient Direct { get; } = new(suite.Channel(suite.FundingAddress));

    /// <summary>The assistance service as itself, straight to the funding process: as it confirms and releases an offer's hold.</summary>
    public FundingService.FundingServiceClient AssistanceAsService { get; } = new(suite.Channel(suite.FundingAddress, suite.ServiceTokens.MintFor("assistance")));

    public static Date Today => FromDateTime(System.DateTime.UtcNow);

    public static Date FromDateTime(System.DateTime day) => new() { Year = day.Year, Month = day.Month, Day = day.Day };

    public async Task<Donor> DonorAsync(string name = "Norway", string iatiIdentifier = "XM-DAC-8") =>
        (await Funding.CreateDonorAsync(new CreateDonorRequest { Donor = SampleData.Donor(name, iatiIdentifier) })).Donor;

    /// <summary>
    /// A new donor's pledge, COMMITTED unless <paramref name="committed"/> is false: only committed
    /// money can be allocated or proposed.
    /// </summary>
    public async Task<Pledge> PledgeAsync(Money amount, Earmarks? earmarks = null, Date? validFrom = null, Date? validUntil = null, bool committed = true)
    {
        var donor = await DonorAsync();
        var pledge = new Pledge
        {
            Amount = amount,
            ValidFrom = validFrom ?? FromDateTime(System.DateTime.UtcNow.AddDays(-30)),
            ValidUntil = validUntil ?? FromDateTime(System.DateTime.UtcNow.AddDays(365)),
            Earmarks = earmarks,
        };
        var create = new CreatePledgeRequest { Parent = donor.Name, Pledge = pledge };
        return committed ? await CommittedAsync(create) : (await Funding.CreatePledgeAsync(create)).Pledge;
    }

    /// <summary>Commits a pledge made through <see cref="Funding"/> directly, so that its money can be allocated.</summary>
    public async Task<Pledge> CommittedAsync(CreatePledgeRequest create)
    {
        var created = (await Funding.CreatePledgeAsync(create)).Pledge;
        return (await Funding.CommitPledgeAsync(new CommitPledgeRequest { Name = created.Name })).Pledge;
    }

    public Task<Pledge> PledgeAsync(long units, string currency = "USD", bool committed = true) =>
        PledgeAsync(new Money { CurrencyCode = currency, Units = units }, committed: committed);

    /// <summary>A complete request brought to APPROVED (or <paramref name="state"/>) through the assistance API.</summary>
    public async Task<AssistanceRequest> RequestAsync(
        string requestingState = "GHA", ThematicArea[]? themes = null, State state = State.Approved, Money? indicativeBudget = null, string description = "")
    {
        var request = RequestLifecycleDriver.CompleteRequest(requestingState, SampleData.UniqueTitle("funding"));
        request.Description = description;
        if (themes is not null)
        {
            request.ThematicAreas.Clear();
            request.ThematicAreas.Add(themes);
        }

        if (indicativeBudget is not null)
        {
            request.IndicativeBudget = indicativeBudget;
        }

        return await new RequestLifecycleDriver(Assistance).CreateInStateAsync(state, request);
    }

    /// <summary>The requesting state's member state consents to (or withdraws consent from) publishing the request, withholding <paramref name="withheld"/>.</summary>
    public async Task<AssistanceRequest> ConsentToPublishAsync(AssistanceRequest request, bool publish = true, params WithheldField[] withheld) =>
        (await suite.AssistanceClient(suite.Tokens.Mint(ServiceDefaults.Identity.CallerRole.MemberState, "focal-point-" + request.RequestingState, country: request.RequestingState))
            .SetAssistanceRequestPublicationConsentAsync(new SetAssistanceRequestPublicationConsentRequest { Name = request.Name, Publish = publish, WithheldFields = { withheld } })).AssistanceRequest;

    /// <summary>A request of <paramref name="requestingState"/> that is funded (from a pledge of its own) and that its state consented to publish: a project of the public registry.</summary>
    public async Task<AssistanceRequest> PublishedProjectAsync(string requestingState = "KEN", bool publish = true)
    {
        var pledge = await PledgeAsync(1_000);
        var request = await RequestAsync(requestingState);
        if (publish)
        {
            request = await ConsentToPublishAsync(request);
        }

        await Funding.CreateAllocationAsync(Allocation(pledge, request, new Money { CurrencyCode = "USD", Units = 40 }));
        return request;
    }

    public static CreateAllocationRequest Allocation(Pledge pledge, AssistanceRequest request, Money amount, string requestId = "") => new()
    {
        Allocation = new Allocation { Pledge = pledge.Name, AssistanceRequest = request.Name, Amount = amount },
        RequestId = requestId,
    };

    /// <summary>Money held for <paramref name="request"/> until its requesting state accepts: a PROPOSED allocation.</summary>
    public static CreateAllocationRequest Proposal(Pledge pledge, AssistanceRequest request, Money amount, string requestId = "")
    {
        var proposal = Allocation(pledge, request, amount, requestId);
        proposal.PendingAcceptance = true;
        return proposal;
    }

    public async Task<Money> RemainingAsync(Pledge pledge) =>
        (await Funding.GetPledgeAsync(new GetPledgeRequest { Name = pledge.Name })).Pledge.RemainingBalance;

    public async Task<IReadOnlyList<Allocation>> AllocationsOfAsync(AssistanceRequest request)
    {
        var all = new List<Allocation>();
        var token = string.Empty;
        do
        {
            var page = await Funding.ListAllocationsAsync(new ListAllocationsRequest { AssistanceRequest = request.Name, PageSize = 500, PageToken = token });
            all.AddRange(page.Allocations);
            token = page.NextPageToken;
        }
        while (token.Length > 0);
        return all;
    }

    public static decimal ToDecimal(Money money) => money.Units + (money.Nanos / 1_000_000_000m);
}

using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.Contracts.Funding.V1;
using CapacityBuilding.Contracts.Training.V1;
using CapacityBuilding.ServiceDefaults.Identity;
using CapacityBuilding.Tests.Assistance.Offers;
using CapacityBuilding.Tests.Delivery;
using CapacityBuilding.Tests.Funding;
using CapacityBuilding.Tests.Infrastructure;
using CapacityBuilding.Tests.Training;
using Google.Protobuf;
using Google.Type;
using Grpc.Core;

namespace CapacityBuilding.Tests.Security;

/// <summary>
/// For every read rpc that takes a tenant-owned name or parent, tenant B asking with tenant A's name
/// finds nothing: NOT_FOUND as for a missing name, PERMISSION_DENIED where B's role may not call the
/// method at all, or an answer (an empty or filtered list) that holds none of A's resource names.
/// Tenants are two countries' focal points, or two donors.
/// </summary>
[Collection(SuiteDefinition.Name)]
public sealed class CrossTenantReadSweepTests(SuiteFixture suite)
{
    /// <summary>Tenant A's resource names, which B must never see, and B's read of one of them.</summary>
    private sealed record Probe(IReadOnlyList<string> Secrets, params Func<Task<IMessage>>[] ReadsAsB);

    private static readonly string[] ReadPrefixes = ["Get", "List", "BatchGet", "Verify", "Export"];

    /// <summary>Reads whose names are not any tenant's, so there is nothing of another tenant to find.</summary>
    private static readonly string[] NotTenantOwned =
    [
        // The course and session catalogue is public to every role.
        "TrainingService/GetCourse",
        "TrainingService/GetSession",
        "TrainingService/ListSessions",
        // Names a course's or session's summary: counts and means, no participant or enrolment.
        "TrainingService/GetEvaluationSummary",
        // A public code list (each state's status toward the Convention) every role reads.
        "AssistanceService/GetConventionStatus",
        // A project of the public registry: consented requests only, the same answer for every caller.
        "FundingService/GetPublishedProject",
    ];

    public static TheoryData<string> ReadMethods => [.. Rows.Keys];

    private static Dictionary<string, Func<CrossTenantReadSweepTests, Task<Probe>>> Rows => new()
    {
        ["AssistanceService/GetAssistanceRequest"] = test => test.RequestProbeAsync(async (b, name) =>
            await b.GetAssistanceRequestAsync(new GetAssistanceRequestRequest { Name = name })),
        ["AssistanceService/ListAssistanceRequests"] = test => test.RequestProbeAsync(async (b, _) =>
            await EveryPageAsync(b, new ListAssistanceRequestsRequest { RequestingState = "GHA", PageSize = 500 })),
        ["AssistanceService/ListHistoryEntries"] = test => test.RequestProbeAsync(async (b, name) =>
            await b.ListHistoryEntriesAsync(new ListHistoryEntriesRequest { Parent = name })),
        ["AssistanceService/VerifyAssistanceRequestHistory"] = test => test.RequestProbeAsync(async (b, name) =>
            await b.VerifyAssistanceRequestHistoryAsync(new VerifyAssistanceRequestHistoryRequest { Name = name })),
        ["AssistanceService/GetOutcome"] = test => test.OutcomeProbeAsync(async (b, outcome) =>
            await b.GetOutcomeAsync(new GetOutcomeRequest { Name = outcome })),
        ["AssistanceService/ListOutcomes"] = test => test.OutcomeProbeAsync(async (b, outcome) =>
            await b.ListOutcomesAsync(new ListOutcomesRequest { Parent = outcome.Split("/outcomes/")[0] })),
        ["AssistanceService/GetOffer"] = test => test.OfferProbeAsync(async (b, offer) =>
            await b.GetOfferAsync(new GetOfferRequest { Name = offer.Name })),
        ["AssistanceService/ListOffers"] = test => test.OfferProbeAsync(async (b, offer) =>
            await b.ListOffersAsync(new ListOffersRequest { Parent = offer.Name.Split("/offers/")[0] })),
        ["TrainingService/GetEnrolment"] = test => test.EnrolmentProbeAsync(async (b, enrolment, _) =>
            await b.GetEnrolmentAsync(new GetEnrolmentRequest { Name = enrolment })),
        ["TrainingService/ListEnrolments"] = test => test.EnrolmentProbeAsync(async (b, _, session) =>
            await b.ListEnrolmentsAsync(new ListEnrolmentsRequest { Parent = session })),
        ["TrainingService/ListEvaluations"] = test => test.EnrolmentProbeAsync(async (b, _, session) =>
            await b.ListEvaluationsAsync(new ListEvaluationsRequest { Parent = session })),
        ["TrainingService/GetSeatHold"] = test => test.SeatHoldProbeAsync(async (b, hold, _) =>
            await b.GetSeatHoldAsync(new GetSeatHoldRequest { Name = hold })),
        ["TrainingService/ListSeatHolds"] = test => test.SeatHoldProbeAsync(async (b, _, session) =>
            await b.ListSeatHoldsAsync(new ListSeatHoldsRequest { Parent = session })),
        ["TrainingService/GetExpert"] = test => test.EventProbeAsync(async (b, a) =>
            await b.GetExpertAsync(new GetExpertRequest { Name = a.Expert })),
        ["TrainingService/GetDeliveryEvent"] = test => test.EventProbeAsync(async (b, a) =>
            await b.GetDeliveryEventAsync(new GetDeliveryEventRequest { Name = a.Event })),
        ["TrainingService/ListDeliveryEventEvaluations"] = test => test.EventProbeAsync(async (b, a) =>
            await b.ListDeliveryEventEvaluationsAsync(new ListDeliveryEventEvaluationsRequest { Parent = a.Event })),
        ["TrainingService/GetDeliveryEvaluationSummary"] = test => test.EventProbeAsync(async (b, a) =>
            await b.GetDeliveryEvaluationSummaryAsync(new GetDeliveryEvaluationSummaryRequest { Name = $"{a.Request}/evaluationSummary" })),
        ["FundingService/GetDonor"] = test => test.MoneyProbeAsync(async (b, a) =>
            await b.GetDonorAsync(new GetDonorRequest { Name = a.Donor })),
        ["FundingService/ListDonors"] = test => test.MoneyProbeAsync(async (b, _) =>
            await b.ListDonorsAsync(new ListDonorsRequest { PageSize = 1_000 })),
        ["FundingService/GetPledge"] = test => test.MoneyProbeAsync(async (b, a) =>
            await b.GetPledgeAsync(new GetPledgeRequest { Name = a.Pledge })),
        ["FundingService/ListPledges"] = test => test.MoneyProbeAsync(async (b, a) =>
            await b.ListPledgesAsync(new ListPledgesRequest { Parent = a.Donor })),
        ["FundingService/VerifyPledgeLedger"] = test => test.MoneyProbeAsync(async (b, a) =>
            await b.VerifyPledgeLedgerAsync(new VerifyPledgeLedgerRequest { Name = a.Pledge })),
        ["FundingService/GetAllocation"] = test => test.MoneyProbeAsync(async (b, a) =>
            await b.GetAllocationAsync(new GetAllocationRequest { Name = a.Allocation })),
        ["FundingService/ListAllocations"] = test => test.MoneyProbeAsync(async (b, a) =>
            await b.ListAllocationsAsync(new ListAllocationsRequest { Donor = a.Donor, AssistanceRequest = a.Request, PageSize = 1_000 })),
        ["FundingService/ListDisbursements"] = test => test.MoneyProbeAsync(async (b, a) =>
            await b.ListDisbursementsAsync(new ListDisbursementsRequest { Parent = a.Allocation })),
        ["FundingService/GetRequestFunding"] = test => test.MoneyProbeAsync(async (b, a) =>
            await b.GetRequestFundingAsync(new GetRequestFundingRequest { AssistanceRequest = a.Request })),
        ["FundingService/GetFundingSummary"] = test => test.MoneyProbeAsync(async (b, _) =>
            await b.GetFundingSummaryAsync(new GetFundingSummaryRequest())),
        ["FundingService/ExportIatiActivities"] = test => test.MoneyProbeAsync(async (b, _) =>
            await b.ExportIatiActivitiesAsync(new ExportIatiActivitiesRequest())),
        ["FundingService/ListContributions"] = test => test.MoneyProbeAsync(async (b, a) =>
            await b.ListContributionsAsync(new ListContributionsRequest { Parent = a.Pledge })),
        ["FundingService/ListOpenNeeds"] = test => test.MoneyProbeAsync(async (b, a) =>
            await b.ListOpenNeedsAsync(new ListOpenNeedsRequest { Parent = a.Donor })),
        ["FundingService/ListFundedRequests"] = test => test.MoneyProbeAsync(async (b, a) =>
            await b.ListFundedRequestsAsync(new ListFundedRequestsRequest { Parent = a.Donor })),
    };

    [Fact]
    public void Every_read_of_a_named_resource_has_a_row_or_a_reason()
    {
        var namedReads = GatewayClients.Services.SelectMany(service => service.Methods)
            .Where(method => ReadPrefixes.Any(prefix => method.Name.StartsWith(prefix, StringComparison.Ordinal)))
            .Where(method => method.InputType.FindFieldByName("name") is not null || method.InputType.FindFieldByName("parent") is not null)
            .Select(method => $"{method.Service.Name}/{method.Name}");

        Assert.Empty(namedReads.Except(Rows.Keys).Except(NotTenantOwned));
    }

    [Theory]
    [MemberData(nameof(ReadMethods))]
    public async Task Another_tenants_name_finds_nothing(string method)
    {
        var probe = await Rows[method](this);

        foreach (var readAsB in probe.ReadsAsB)
        {
            await AssertFindsNothingAsync(probe.Secrets, readAsB);
        }
    }

    private static async Task AssertFindsNothingAsync(IReadOnlyList<string> secrets, Func<Task<IMessage>> readAsB)
    {
        IMessage answer;
        try
        {
            answer = await readAsB();
        }
        catch (RpcException refusal)
        {
            Assert.Contains(refusal.StatusCode, new[] { StatusCode.NotFound, StatusCode.PermissionDenied });
            return;
        }

        var text = answer.ToString();
        Assert.All(secrets, secret => Assert.DoesNotContain(secret, text, StringComparison.Ordinal));
    }

    /// <summary>All pages of a listing in one answer: a page may be empty while later ones are not.</summary>
    private static async Task<ListAssistanceRequestsResponse> EveryPageAsync(
        Contracts.Assistance.V1.AssistanceService.AssistanceServiceClient client, ListAssistanceRequestsRequest request)
    {
        var all = new ListAssistanceRequestsResponse();
        do
        {
            var page = await client.ListAssistanceRequestsAsync(request);
            all.AssistanceRequests.Add(page.AssistanceRequests);
            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken.Length > 0);
        return all;
    }

    /// <summary>A Ghanaian request; Kenya's focal point reads it.</summary>
    private async Task<Probe> RequestProbeAsync(Func<Contracts.Assistance.V1.AssistanceService.AssistanceServiceClient, string, Task<IMessage>> read)
    {
        var title = SampleData.UniqueTitle("sweep");
        var draft = SampleData.Request(title);
        draft.RequestingState = "GHA";
        var request = (await suite.AssistanceClient(MemberState("GHA")).CreateAssistanceRequestAsync(new CreateAssistanceRequestRequest { AssistanceRequest = draft })).AssistanceRequest;
        var kenya = suite.AssistanceClient(MemberState("KEN"));
        return new Probe([request.Name, title], async () => await read(kenya, request.Name));
    }

    /// <summary>An outcome of a Ghanaian request, written by Ghana's focal point; Kenya's focal point reads it.</summary>
    private async Task<Probe> OutcomeProbeAsync(Func<Contracts.Assistance.V1.AssistanceService.AssistanceServiceClient, string, Task<IMessage>> read)
    {
        var ghana = suite.AssistanceClient(MemberState("GHA"));
        var draft = SampleData.Request(SampleData.UniqueTitle("sweep"));
        draft.RequestingState = "GHA";
        var request = (await ghana.CreateAssistanceRequestAsync(new CreateAssistanceRequestRequest { AssistanceRequest = draft })).AssistanceRequest;
        var statement = SampleData.UniqueTitle("sweep outcome");
        var outcome = (await ghana.CreateOutcomeAsync(new CreateOutcomeRequest { Parent = request.Name, Outcome = Assistance.RequestLifecycleDriver.Outcome(statement) })).Outcome;
        var kenya = suite.AssistanceClient(MemberState("KEN"));
        return new Probe([outcome.Name, statement], async () => await read(kenya, outcome.Name));
    }

    /// <summary>
    /// A donor's money offered to a Ghanaian request; Kenya's focal point and a donor whose money is
    /// not involved read it.
    /// </summary>
    private async Task<Probe> OfferProbeAsync(Func<Contracts.Assistance.V1.AssistanceService.AssistanceServiceClient, Offer, Task<IMessage>> read)
    {
        var scenario = new OfferScenario(suite);
        var request = await scenario.RequestAsync("GHA");
        var pledge = await scenario.CommittedPledgeAsync(1_000);
        var bystander = await scenario.CommittedPledgeAsync(1_000);
        var offer = await OfferScenario.OfferAsync(scenario.Donor(pledge), request, OfferScenario.Money(pledge, 100));
        var (kenya, otherDonor) = (scenario.MemberState("KEN"), scenario.Donor(bystander));
        return new Probe([offer.Name, pledge.Name], async () => await read(kenya, offer), async () => await read(otherDonor, offer));
    }

    /// <summary>A Ghanaian national's evaluated enrolment in a completed session; Kenya's focal point reads it.</summary>
    private async Task<Probe> EnrolmentProbeAsync(Func<Contracts.Training.V1.TrainingService.TrainingServiceClient, string, string, Task<IMessage>> read)
    {
        var setup = new TrainingSetup(suite.TrainingClient(suite.CoordinatorToken));
        var session = await setup.SessionAsync();
        var email = $"sweep.{Guid.NewGuid():N}@police.example.org";
        var national = SampleData.Enrolment(email);
        national.Nationality = "GHA";
        var ghana = suite.TrainingClient(MemberState("GHA"));
        var enrolment = (await ghana.CreateEnrolmentAsync(new CreateEnrolmentRequest { Parent = session.Name, Enrolment = national })).Enrolment;
        await setup.SetStatusAsync(session, SessionStatus.Completed);
        var evaluation = (await ghana.CreateEvaluationAsync(new CreateEvaluationRequest
        {
            Parent = session.Name,
            Evaluation = new Evaluation { Enrolment = enrolment.Name, Reaction = 4, Learning = 4 },
        })).Evaluation;
        var kenya = suite.TrainingClient(MemberState("KEN"));
        return new Probe([enrolment.Name, email, evaluation.Name], async () => await read(kenya, enrolment.Name, session.Name));
    }

    /// <summary>Seats held for Ghana; Kenya's focal point reads the hold.</summary>
    private async Task<Probe> SeatHoldProbeAsync(Func<Contracts.Training.V1.TrainingService.TrainingServiceClient, string, string, Task<IMessage>> read)
    {
        var coordinator = suite.TrainingClient(suite.CoordinatorToken);
        var session = await new TrainingSetup(coordinator).SessionAsync();
        var hold = (await coordinator.CreateSeatHoldAsync(new CreateSeatHoldRequest
        {
            Parent = session.Name,
            SeatHold = new SeatHold { Country = "GHA", Seats = 2 },
        })).SeatHold;
        var kenya = suite.TrainingClient(MemberState("KEN"));
        return new Probe([hold.Name], async () => await read(kenya, hold.Name, session.Name));
    }

    private sealed record GhanaEvent(string Expert, string Event, string Evaluation, string Request);

    /// <summary>A delivered event of a Ghanaian request with an expert and Ghana's evaluation; Kenya's focal point reads them.</summary>
    private async Task<Probe> EventProbeAsync(Func<Contracts.Training.V1.TrainingService.TrainingServiceClient, GhanaEvent, Task<IMessage>> read)
    {
        var setup = new DeliverySetup(suite);
        var expert = await setup.ExpertAsync();
        var delivered = await setup.DeliveredEventAsync("GHA", expert.Name);
        var evaluation = (await suite.TrainingClient(MemberState("GHA")).CreateDeliveryEventEvaluationAsync(new CreateDeliveryEventEvaluationRequest
        {
            Parent = delivered.Name,
            Evaluation = DeliveryEvaluationTests.Host(),
        })).Evaluation;
        var a = new GhanaEvent(expert.Name, delivered.Name, evaluation.Name, delivered.AssistanceRequest);
        var kenya = suite.TrainingClient(MemberState("KEN"));
        return new Probe([a.Expert, a.Event, a.Evaluation, expert.Contact.Email], async () => await read(kenya, a));
    }

    private sealed record DonorMoney(string Donor, string Pledge, string Allocation, string Disbursement, string Request);

    /// <summary>Donor A's pledge, allocation and disbursement on an approved request; donor B reads them.</summary>
    private async Task<Probe> MoneyProbeAsync(Func<Contracts.Funding.V1.FundingService.FundingServiceClient, DonorMoney, Task<IMessage>> read)
    {
        var scenario = new FundingScenario(suite);
        var donorA = await scenario.DonorAsync(SampleData.UniqueTitle("Sweep donor A"));
        var donorB = await scenario.DonorAsync(SampleData.UniqueTitle("Sweep donor B"));
        var pledge = await scenario.CommittedAsync(new CreatePledgeRequest { Parent = donorA.Name, Pledge = SampleData.Pledge(1_000, "USD") });
        var request = await scenario.RequestAsync();
        var allocation = (await scenario.Funding.CreateAllocationAsync(
            FundingScenario.Allocation(pledge, request, new Money { CurrencyCode = "USD", Units = 100 }))).Allocation;
        var disbursement = (await scenario.Funding.CreateDisbursementAsync(new CreateDisbursementRequest
        {
            Parent = allocation.Name,
            Disbursement = new Disbursement
            {
                Amount = new Money { CurrencyCode = "USD", Units = 10 },
                DisbursementDate = FundingScenario.Today,
                Description = "Trainers' travel",
            },
        })).Disbursement;
        var a = new DonorMoney(donorA.Name, pledge.Name, allocation.Name, disbursement.Name, request.Name);
        var donorBId = donorB.Name["donors/".Length..];
        var b = suite.FundingClient(suite.Tokens.Mint(CallerRole.Donor, "treasurer-" + donorBId, donorId: donorBId));
        return new Probe([a.Donor, a.Pledge, a.Allocation, a.Disbursement, donorA.DisplayName], async () => await read(b, a));
    }

    private string MemberState(string country) => suite.Tokens.Mint(CallerRole.MemberState, "focal-point-" + country, country: country);
}

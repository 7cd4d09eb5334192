using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.Contracts.Funding.V1;
using CapacityBuilding.Contracts.Training.V1;
using CapacityBuilding.ServiceDefaults.Errors;
using CapacityBuilding.ServiceDefaults.Identity;
using CapacityBuilding.Tests.Assistance.Offers;
using CapacityBuilding.Tests.Delivery;
using CapacityBuilding.Tests.Funding;
using CapacityBuilding.Tests.Infrastructure;
using CapacityBuilding.Tests.Training;
using Google.Type;
using Grpc.Core;

namespace CapacityBuilding.Tests.Security;

/// <summary>
/// Idempotency keys (AIP-155) belong to their caller: for every create rpc, tenant B reusing
/// tenant A's request id gets its own resource, never A's; A's retry still returns A's; and A
/// reusing its request id for a different payload is refused with REQUEST_ID_REUSED. Tenants are
/// two countries' focal points, two donors, or two coordinators, whichever roles may create.
/// </summary>
[Collection(SuiteDefinition.Name)]
public sealed class IdempotencyScopeTests(SuiteFixture suite)
{
    /// <summary>Creates as tenant A or B (false, true), with payload variant 0 or 1, and returns the created resource's name.</summary>
    private delegate Task<string> Create(bool tenantB, int variant, string requestId);

    public static TheoryData<string> CreateMethods => [.. Rows.Keys];

    private static Dictionary<string, Func<IdempotencyScopeTests, Task<Create>>> Rows => new()
    {
        ["AssistanceService/CreateAssistanceRequest"] = test => Task.FromResult(test.AssistanceRequests()),
        ["AssistanceService/CreateOutcome"] = test => test.OutcomesAsync(),
        ["AssistanceService/CreateOffer"] = test => test.OffersAsync(),
        ["TrainingService/CreateCourse"] = test => Task.FromResult(test.Courses()),
        ["TrainingService/CreateSession"] = test => test.SessionsAsync(),
        ["TrainingService/CreateEnrolment"] = test => test.EnrolmentsAsync(),
        ["TrainingService/CreateEvaluation"] = test => test.EvaluationsAsync(),
        ["TrainingService/CreateSeatHold"] = test => test.SeatHoldsAsync(),
        ["TrainingService/CreateExpert"] = test => Task.FromResult(test.Experts()),
        ["TrainingService/CreateDeliveryEvent"] = test => test.DeliveryEventsAsync(),
        ["TrainingService/CreateDeliveryEventEvaluation"] = test => test.EventEvaluationsAsync(),
        ["FundingService/CreateDonor"] = test => Task.FromResult(test.Donors()),
        ["FundingService/CreatePledge"] = test => test.PledgesAsync(),
        ["FundingService/CreateAllocation"] = test => test.AllocationsAsync(),
        ["FundingService/CreateDisbursement"] = test => test.DisbursementsAsync(),
        ["FundingService/CreateContribution"] = test => test.ContributionsAsync(),
    };

    [Fact]
    public void Every_create_with_a_request_id_has_a_row()
    {
        var withRequestId = GatewayClients.Services.SelectMany(service => service.Methods)
            .Where(method => method.InputType.FindFieldByName("request_id") is not null)
            .Select(method => $"{method.Service.Name}/{method.Name}");

        Assert.Equal(withRequestId.Order(), Rows.Keys.Order());
    }

    [Theory]
    [MemberData(nameof(CreateMethods))]
    public async Task A_request_id_belongs_to_its_caller_and_to_one_payload(string method)
    {
        var create = await Rows[method](this);
        var requestId = Guid.NewGuid().ToString();

        var a = await create(tenantB: false, variant: 0, requestId);
        var b = await create(tenantB: true, variant: 0, requestId);
        Assert.NotEqual(a, b);

        Assert.Equal(a, await create(tenantB: false, variant: 0, requestId));
        var reuse = await RichErrors.FailsWith(StatusCode.AlreadyExists, () => create(tenantB: false, variant: 1, requestId));
        Assert.Equal(ErrorReasons.RequestIdReused, reuse.ErrorInfo()?.Reason);
    }

    [Fact]
    public async Task A_replay_is_refused_once_its_resource_is_out_of_the_callers_reach()
    {
        var ghana = suite.AssistanceClient(MemberState("GHA"));
        var create = new CreateAssistanceRequestRequest
        {
            AssistanceRequest = SampleData.Request(SampleData.UniqueTitle("moved away")),
            RequestId = Guid.NewGuid().ToString(),
        };
        var created = (await ghana.CreateAssistanceRequestAsync(create)).AssistanceRequest;
        await suite.AssistanceClient(suite.CoordinatorToken).UpdateAssistanceRequestAsync(new UpdateAssistanceRequestRequest
        {
            AssistanceRequest = new AssistanceRequest { Name = created.Name, RequestingState = "KEN" },
            UpdateMask = new() { Paths = { "requesting_state" } },
        });

        var refusal = await RichErrors.FailsWith(StatusCode.AlreadyExists, () => ghana.CreateAssistanceRequestAsync(create).ResponseAsync);

        Assert.Equal(ErrorReasons.RequestIdReused, refusal.ErrorInfo()?.Reason);
        Assert.DoesNotContain(created.Name, refusal.Status.Detail, StringComparison.Ordinal);
    }

    private Create AssistanceRequests()
    {
        var (a, b) = (suite.AssistanceClient(MemberState("GHA")), suite.AssistanceClient(MemberState("KEN")));
        return async (tenantB, variant, requestId) =>
        {
            var draft = SampleData.Request($"idempotency {requestId} {variant}");
            draft.RequestingState = tenantB ? "KEN" : "GHA";
            var client = tenantB ? b : a;
            return (await client.CreateAssistanceRequestAsync(new CreateAssistanceRequestRequest { AssistanceRequest = draft, RequestId = requestId })).AssistanceRequest.Name;
        };
    }

    /// <summary>Two coordinators adding outcomes to one request.</summary>
    private async Task<Create> OutcomesAsync()
    {
        var request = await new Assistance.RequestLifecycleDriver(suite.AssistanceClient(suite.CoordinatorToken)).CreateAsync();
        var (a, b) = (suite.AssistanceClient(Coordinator("a")), suite.AssistanceClient(Coordinator("b")));
        return async (tenantB, variant, requestId) =>
            (await (tenantB ? b : a).CreateOutcomeAsync(new CreateOutcomeRequest
            {
                Parent = request.Name,
                Outcome = Assistance.RequestLifecycleDriver.Outcome($"Idempotency {variant}"),
                RequestId = requestId,
            })).Outcome.Name;
    }

    /// <summary>
    /// Two coordinators offering seats of one session to one approved request; each variant's offer
    /// is built once, since its expiry time is part of the payload a retry must repeat.
    /// </summary>
    private async Task<Create> OffersAsync()
    {
        var scenario = new OfferScenario(suite);
        var request = await scenario.RequestAsync();
        var session = await scenario.SessionAsync(seats: 20);
        Offer[] offers = [OfferScenario.Seats(session, seats: 1), OfferScenario.Seats(session, seats: 2)];
        var (a, b) = (scenario.Assistance("direct", Coordinator("a")), scenario.Assistance("direct", Coordinator("b")));
        return async (tenantB, variant, requestId) =>
            (await (tenantB ? b : a).CreateOfferAsync(new CreateOfferRequest
            {
                Parent = request.Name,
                Offer = offers[variant],
                RequestId = requestId,
            })).Offer.Name;
    }

    private Create Courses()
    {
        var (a, b) = (suite.TrainingClient(Coordinator("a")), suite.TrainingClient(Coordinator("b")));
        return async (tenantB, variant, requestId) =>
            (await (tenantB ? b : a).CreateCourseAsync(new CreateCourseRequest
            {
                Course = SampleData.Course($"Idempotency {variant}"),
                RequestId = requestId,
            })).Course.Name;
    }

    private async Task<Create> SessionsAsync()
    {
        var course = await new TrainingSetup(suite.TrainingClient(suite.CoordinatorToken)).CourseAsync();
        var (a, b) = (suite.TrainingClient(Coordinator("a")), suite.TrainingClient(Coordinator("b")));
        return async (tenantB, variant, requestId) =>
            (await (tenantB ? b : a).CreateSessionAsync(new CreateSessionRequest
            {
                Parent = course.Name,
                Session = SampleData.Session(TrainingSetup.NextYear, seats: 10 + variant),
                RequestId = requestId,
            })).Session.Name;
    }

    private async Task<Create> SeatHoldsAsync()
    {
        var session = await new TrainingSetup(suite.TrainingClient(suite.CoordinatorToken)).SessionAsync();
        var (a, b) = (suite.TrainingClient(Coordinator("a")), suite.TrainingClient(Coordinator("b")));
        return async (tenantB, variant, requestId) =>
            (await (tenantB ? b : a).CreateSeatHoldAsync(new CreateSeatHoldRequest
            {
                Parent = session.Name,
                SeatHold = new SeatHold { Country = "GHA", Seats = 1 + variant },
                RequestId = requestId,
            })).SeatHold.Name;
    }

    private async Task<Create> EnrolmentsAsync()
    {
        var session = await new TrainingSetup(suite.TrainingClient(suite.CoordinatorToken)).SessionAsync();
        var (a, b) = (suite.TrainingClient(MemberState("GHA")), suite.TrainingClient(MemberState("KEN")));
        return async (tenantB, variant, requestId) =>
            (await (tenantB ? b : a).CreateEnrolmentAsync(new CreateEnrolmentRequest
            {
                Parent = session.Name,
                Enrolment = National(tenantB ? "KEN" : "GHA", $"{requestId}.{tenantB}.{variant}@police.example.org"),
                RequestId = requestId,
            })).Enrolment.Name;
    }

    private async Task<Create> EvaluationsAsync()
    {
        var setup = new TrainingSetup(suite.TrainingClient(suite.CoordinatorToken));
        var session = await setup.SessionAsync();
        var coordinator = suite.TrainingClient(suite.CoordinatorToken);
        var enrolments = new Dictionary<bool, Enrolment>();
        foreach (var (tenantB, country) in new[] { (false, "GHA"), (true, "KEN") })
        {
            enrolments[tenantB] = (await coordinator.CreateEnrolmentAsync(new CreateEnrolmentRequest
            {
                Parent = session.Name,
                Enrolment = National(country, $"evaluator.{country}.{Guid.NewGuid():N}@police.example.org"),
            })).Enrolment;
        }

        await setup.SetStatusAsync(session, SessionStatus.Completed);
        var (a, b) = (suite.TrainingClient(MemberState("GHA")), suite.TrainingClient(MemberState("KEN")));
        return async (tenantB, variant, requestId) =>
            (await (tenantB ? b : a).CreateEvaluationAsync(new CreateEvaluationRequest
            {
                Parent = session.Name,
                Evaluation = new Evaluation { Enrolment = enrolments[tenantB].Name, Reaction = 4 + variant, Learning = 4 },
                RequestId = requestId,
            })).Evaluation.Name;
    }

    private Create Experts()
    {
        var (a, b) = (suite.TrainingClient(Coordinator("a")), suite.TrainingClient(Coordinator("b")));
        return async (tenantB, variant, requestId) =>
            (await (tenantB ? b : a).CreateExpertAsync(new CreateExpertRequest
            {
                Expert = DeliverySetup.Expert($"Expert {variant}"),
                RequestId = requestId,
            })).Expert.Name;
    }

    private async Task<Create> DeliveryEventsAsync()
    {
        var request = await new DeliverySetup(suite).RequestAsync();
        var (a, b) = (suite.TrainingClient(Coordinator("a")), suite.TrainingClient(Coordinator("b")));
        return async (tenantB, variant, requestId) =>
            (await (tenantB ? b : a).CreateDeliveryEventAsync(new CreateDeliveryEventRequest
            {
                DeliveryEvent = DeliverySetup.Workshop(request.Name, DeliverySetup.LastYear, days: 1 + variant),
                RequestId = requestId,
            })).DeliveryEvent.Name;
    }

    private async Task<Create> EventEvaluationsAsync()
    {
        var setup = new DeliverySetup(suite);
        var events = new Dictionary<bool, string>
        {
            [false] = (await setup.DeliveredEventAsync("GHA")).Name,
            [true] = (await setup.DeliveredEventAsync("KEN")).Name,
        };
        var (a, b) = (suite.TrainingClient(MemberState("GHA")), suite.TrainingClient(MemberState("KEN")));
        return async (tenantB, variant, requestId) =>
        {
            var evaluation = DeliveryEvaluationTests.Host();
            evaluation.ObjectivesMet = 4 - variant;
            return (await (tenantB ? b : a).CreateDeliveryEventEvaluationAsync(new CreateDeliveryEventEvaluationRequest
            {
                Parent = events[tenantB],
                Evaluation = evaluation,
                RequestId = requestId,
            })).Evaluation.Name;
        };
    }

    private Create Donors()
    {
        var (a, b) = (suite.FundingClient(Coordinator("a")), suite.FundingClient(Coordinator("b")));
        return async (tenantB, variant, requestId) =>
            (await (tenantB ? b : a).CreateDonorAsync(new CreateDonorRequest
            {
                Donor = SampleData.Donor($"Donor {variant}"),
                RequestId = requestId,
            })).Donor.Name;
    }

    private async Task<Create> PledgesAsync()
    {
        var scenario = new FundingScenario(suite);
        var donors = new Dictionary<bool, Donor> { [false] = await scenario.DonorAsync("Norway"), [true] = await scenario.DonorAsync("Sweden") };
        var clients = donors.ToDictionary(
            donor => donor.Key,
            donor => suite.FundingClient(suite.Tokens.Mint(CallerRole.Donor, "treasurer", donorId: donor.Value.Name["donors/".Length..])));
        return async (tenantB, variant, requestId) =>
            (await clients[tenantB].CreatePledgeAsync(new CreatePledgeRequest
            {
                Parent = donors[tenantB].Name,
                Pledge = SampleData.Pledge(units: 1_000 + variant),
                RequestId = requestId,
            })).Pledge.Name;
    }

    private async Task<Create> AllocationsAsync()
    {
        var scenario = new FundingScenario(suite);
        var pledge = await scenario.PledgeAsync(1_000_000);
        var request = await scenario.RequestAsync();
        var (a, b) = (suite.FundingClient(Coordinator("a")), suite.FundingClient(Coordinator("b")));
        return async (tenantB, variant, requestId) =>
            (await (tenantB ? b : a).CreateAllocationAsync(
                FundingScenario.Allocation(pledge, request, new Money { CurrencyCode = "USD", Units = 10 + variant }, requestId))).Allocation.Name;
    }

    private async Task<Create> DisbursementsAsync()
    {
        var scenario = new FundingScenario(suite);
        var pledge = await scenario.PledgeAsync(1_000_000);
        var request = await scenario.RequestAsync();
        var allocation = (await scenario.Funding.CreateAllocationAsync(
            FundingScenario.Allocation(pledge, request, new Money { CurrencyCode = "USD", Units = 1_000 }))).Allocation;
        var (a, b) = (suite.FundingClient(Coordinator("a")), suite.FundingClient(Coordinator("b")));
        return async (tenantB, variant, requestId) =>
            (await (tenantB ? b : a).CreateDisbursementAsync(new CreateDisbursementRequest
            {
                Parent = allocation.Name,
                Disbursement = new Disbursement
                {
                    Amount = new Money { CurrencyCode = "USD", Units = 10 + variant },
                    DisbursementDate = FundingScenario.Today,
                    Description = "Trainers' travel",
                },
                RequestId = requestId,
            })).Disbursement.Name;
    }

    private async Task<Create> ContributionsAsync()
    {
        var pledge = await new FundingScenario(suite).PledgeAsync(1_000_000);
        var (a, b) = (suite.FundingClient(Coordinator("a")), suite.FundingClient(Coordinator("b")));
        return async (tenantB, variant, requestId) =>
            (await (tenantB ? b : a).CreateContributionAsync(new CreateContributionRequest
            {
                Parent = pledge.Name,
                Contribution = new Contribution { Amount = new Money { CurrencyCode = "USD", Units = 10 + variant }, ReceivedDate = FundingScenario.Today },
                RequestId = requestId,
            })).Contribution.Name;
    }

    private static Enrolment National(string country, string email)
    {
        var enrolment = SampleData.Enrolment(email);
        enrolment.Nationality = country;
        return enrolment;
    }

    private string MemberState(string country) => suite.Tokens.Mint(CallerRole.MemberState, "focal-point-" + country, country: country);

    private string Coordinator(string who) => suite.Tokens.Mint(CallerRole.Coordinator, "coordinator-" + who);
}

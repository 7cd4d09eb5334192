using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.Contracts.Common.V1;
using CapacityBuilding.Contracts.Lifecycle;
using CapacityBuilding.ServiceDefaults.Identity;
using CapacityBuilding.Tests.Infrastructure;
using Google.Type;
using Action = CapacityBuilding.Contracts.Assistance.V1.HistoryEntry.Types.Action;
using Decision = CapacityBuilding.Contracts.Assistance.V1.ReviewAssistanceRequestRequest.Types.Decision;
using State = CapacityBuilding.Contracts.Assistance.V1.AssistanceRequest.Types.State;

namespace CapacityBuilding.Tests.Assistance;

/// <summary>
/// Complete requests, and the API calls that bring one into any state (along the lifecycle's own
/// <see cref="AssistanceRequestLifecycle.PathTo"/>) or apply any action to it.
/// </summary>
internal sealed class RequestLifecycleDriver(AssistanceService.AssistanceServiceClient assistance)
{
    /// <summary>
    /// A client that calls through the gateway as a coordinator of its own, so that the history
    /// names who did what and the gateway counts each test class as a caller of its own.
    /// </summary>
    public static AssistanceService.AssistanceServiceClient Coordinator(SuiteFixture suite, string subject) =>
        new(suite.Channel(suite.GatewayGrpcAddress, suite.Tokens.Mint(CallerRole.Coordinator, subject)));

    /// <summary>A request with every field a submission needs.</summary>
    public static AssistanceRequest CompleteRequest(string requestingState = "GHA", string? title = null)
    {
        var request = SampleData.Request(title ?? SampleData.UniqueTitle("complete"));
        request.RequestingState = requestingState;
        request.FocalPoint = new FocalPoint { DisplayName = "Ama Mensah", Email = "ama.mensah@police.gov.gh", Institution = "Ghana Police Service" };
        request.BeneficiaryInstitutions.Add(["Cybercrime Unit, Ghana Police Service", "Office of the Attorney-General"]);
        request.AssistanceTypes.Add([AssistanceType.Training, AssistanceType.ForensicEquipment]);
        request.DesiredStart = new Date { Year = 2027, Month = 3, Day = 1 };
        request.DesiredEnd = new Date { Year = 2027, Month = 6, Day = 30 };
        request.Languages.Add(["en", "fr"]);
        request.EstimatedParticipants = 60;
        request.IndicativeBudget = new Money { CurrencyCode = "USD", Units = 180_000 };
        request.TargetAudiences.Add([TargetAudience.Investigators, TargetAudience.Prosecutors]);
        return request;
    }

    public async Task<AssistanceRequest> CreateAsync(AssistanceRequest? request = null) =>
        (await assistance.CreateAssistanceRequestAsync(new CreateAssistanceRequestRequest { AssistanceRequest = request ?? CompleteRequest() })).AssistanceRequest;

    public async Task<AssistanceRequest> CreateInStateAsync(State state, AssistanceRequest? request = null)
    {
        var current = await CreateAsync(request);
        foreach (var step in AssistanceRequestLifecycle.PathTo(state))
        {
            current = await ActAsync(current.Name, step.Action);
            if (step.After == State.InDelivery)
            {
                current = await ReportResultsAsync(current.Name);
            }
        }

        Assert.Equal(state, current.State);
        return current;
    }

    /// <summary>An outcome whose one indicator has an actual, what a completion requires; the request after it.</summary>
    public async Task<AssistanceRequest> ReportResultsAsync(string name)
    {
        await assistance.CreateOutcomeAsync(new CreateOutcomeRequest { Parent = name, Outcome = MeasuredOutcome() });
        return (await assistance.GetAssistanceRequestAsync(new GetAssistanceRequestRequest { Name = name })).AssistanceRequest;
    }

    /// <summary>An outcome with one indicator measured at its baseline, its target and once since.</summary>
    public static Outcome MeasuredOutcome()
    {
        var outcome = Outcome("Investigators seize and preserve electronic evidence so that courts admit it");
        outcome.Indicators[0].Actuals.Add(new IndicatorValue { Value = 12, Date = SampleData.Day(System.DateTime.UtcNow.Date), Comment = "Certified after the first workshop" });
        return outcome;
    }

    /// <summary>An outcome with one indicator, not measured yet.</summary>
    public static Outcome Outcome(string statement) => new()
    {
        Statement = statement,
        Indicators =
        {
            new Indicator
            {
                Title = "Investigators certified in electronic evidence handling",
                Measure = Indicator.Types.Measure.Unit,
                Unit = "investigators",
                Baseline = new IndicatorValue { Value = 3, Date = new Date { Year = 2025, Month = 1, Day = 15 } },
                Target = new IndicatorValue { Value = 40, Date = new Date { Year = 2028, Month = 12, Day = 31 } },
            },
        },
    };

    /// <summary>Applies one action through its API method, with a reason, without an etag.</summary>
    public async Task<AssistanceRequest> ActAsync(string name, Action action, string etag = "", string reason = "because the test says so")
    {
        return action switch
        {
            Action.Update => (await assistance.UpdateAssistanceRequestAsync(new UpdateAssistanceRequestRequest
            {
                AssistanceRequest = new AssistanceRequest { Name = name, Title = SampleData.UniqueTitle("edited"), Etag = etag },
                UpdateMask = new Google.Protobuf.WellKnownTypes.FieldMask { Paths = { "title" } },
            })).AssistanceRequest,
            Action.Submit => (await assistance.SubmitAssistanceRequestAsync(new SubmitAssistanceRequestRequest { Name = name, Etag = etag, Reason = reason })).AssistanceRequest,
            Action.BeginReview => (await assistance.BeginAssistanceRequestReviewAsync(new BeginAssistanceRequestReviewRequest { Name = name, Etag = etag, Reason = reason })).AssistanceRequest,
            Action.Approve => await ReviewAsync(name, Decision.Approve, etag, reason),
            Action.Reject => await ReviewAsync(name, Decision.Reject, etag, reason),
            Action.Return => await ReviewAsync(name, Decision.Return, etag, reason),
            Action.Withdraw => (await assistance.WithdrawAssistanceRequestAsync(new WithdrawAssistanceRequestRequest { Name = name, Etag = etag, Reason = reason })).AssistanceRequest,
            Action.StartDelivery => (await assistance.StartAssistanceRequestDeliveryAsync(new StartAssistanceRequestDeliveryRequest { Name = name, Etag = etag, Reason = reason })).AssistanceRequest,
            Action.Complete => (await assistance.CompleteAssistanceRequestAsync(new CompleteAssistanceRequestRequest { Name = name, Etag = etag, Reason = reason })).AssistanceRequest,
            Action.Suspend => (await assistance.SuspendAssistanceRequestAsync(new SuspendAssistanceRequestRequest { Name = name, Etag = etag, Reason = reason })).AssistanceRequest,
            Action.Resume => (await assistance.ResumeAssistanceRequestAsync(new ResumeAssistanceRequestRequest { Name = name, Etag = etag, Reason = reason })).AssistanceRequest,
            _ => throw new ArgumentOutOfRangeException(nameof(action)),
        };
    }

    /// <summary>The driver's approvals confirm any overlap: the suite's requests of a state share their dates and areas, and only the overlap tests are about overlaps.</summary>
    public const string OverlapConfirmation = "Approved by a test that is not about overlaps.";

    private async Task<AssistanceRequest> ReviewAsync(string name, Decision decision, string etag, string reason) =>
        (await assistance.ReviewAssistanceRequestAsync(new ReviewAssistanceRequestRequest
        {
            Name = name, Etag = etag, Decision = decision, Reason = reason,
            OverlapConfirmation = decision == Decision.Approve ? OverlapConfirmation : "",
        })).AssistanceRequest;

    public async Task<IReadOnlyList<HistoryEntry>> HistoryAsync(string name)
    {
        var entries = new List<HistoryEntry>();
        var token = "";
        do
        {
            var page = await assistance.ListHistoryEntriesAsync(new ListHistoryEntriesRequest { Parent = name, PageSize = 3, PageToken = token });
            entries.AddRange(page.HistoryEntries);
            token = page.NextPageToken;
        }
        while (token.Length > 0);
        return entries;
    }
}

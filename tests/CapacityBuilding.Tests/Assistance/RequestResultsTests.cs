using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.Contracts.Funding.V1;
using CapacityBuilding.ServiceDefaults.Identity;
using CapacityBuilding.Tests.Funding;
using CapacityBuilding.Tests.Infrastructure;
using Google.Protobuf.WellKnownTypes;
using Google.Type;
using Grpc.Core;
using Action = CapacityBuilding.Contracts.Assistance.V1.HistoryEntry.Types.Action;
using Measure = CapacityBuilding.Contracts.Assistance.V1.Indicator.Types.Measure;
using State = CapacityBuilding.Contracts.Assistance.V1.AssistanceRequest.Types.State;

namespace CapacityBuilding.Tests.Assistance;

/// <summary>
/// A request's results: outcomes with indicators (baseline, target, actuals), written by
/// coordinators and the requesting state, read by whoever may read the request, each change an
/// entry of the request's history, and reported before the request can be completed.
/// </summary>
[Collection(SuiteDefinition.Name)]
public sealed class RequestResultsTests(SuiteFixture suite)
{
    private readonly AssistanceService.AssistanceServiceClient coordinator = RequestLifecycleDriver.Coordinator(suite, "results-coordinator");

    private RequestLifecycleDriver Driver => new(coordinator);

    [Fact]
    public async Task An_outcome_reads_back_as_written_and_each_change_is_a_history_entry_about_it()
    {
        var request = await Driver.CreateInStateAsync(State.Approved);
        var ghana = MemberState("GHA");

        var created = await CreateAsync(ghana, request.Name, RequestLifecycleDriver.Outcome("Prosecutors bring cybercrime cases to trial"));
        var measured = created.Clone();
        measured.Indicators[0].Actuals.Add(new IndicatorValue { Value = 7.5, Date = SampleData.Day(System.DateTime.UtcNow.Date) });
        var updated = (await coordinator.UpdateOutcomeAsync(new UpdateOutcomeRequest
        {
            Outcome = measured, UpdateMask = new FieldMask { Paths = { "indicators" } },
        })).Outcome;

        Assert.Matches($"^{request.Name}/outcomes/[0-9a-f]{{32}}$", created.Name);
        Assert.Equal(updated, (await ghana.GetOutcomeAsync(new GetOutcomeRequest { Name = created.Name })).Outcome);
        Assert.Equal((created.Statement, created.CreateTime), (updated.Statement, updated.CreateTime));
        Assert.Equal(measured.Indicators, updated.Indicators);
        Assert.NotEqual(created.Etag, updated.Etag);
        Assert.Equal([updated], (await coordinator.ListOutcomesAsync(new ListOutcomesRequest { Parent = request.Name })).Outcomes);
        var history = await Driver.HistoryAsync(request.Name);
        Assert.Equal(
            [(Action.ResultsUpdate, created.Name, "ghana-focal-point", ""), (Action.ResultsUpdate, created.Name, "results-coordinator", "indicators")],
            history.Skip(4).Select(entry => (entry.Action, entry.Subject, entry.Actor, string.Join(',', entry.ChangedFields))));
        Assert.All(history.Skip(4), entry => Assert.Equal((State.Approved, State.Approved), (entry.FromState, entry.ToState)));
        Assert.True((await coordinator.VerifyAssistanceRequestHistoryAsync(new VerifyAssistanceRequestHistoryRequest { Name = request.Name })).Intact);
    }

    [Fact]
    public async Task Another_countrys_focal_point_finds_no_outcome_by_any_path()
    {
        var request = await Driver.CreateInStateAsync(State.InDelivery);
        var outcome = (await coordinator.ListOutcomesAsync(new ListOutcomesRequest { Parent = request.Name })).Outcomes[0];
        var kenya = MemberState("KEN");
        var patch = outcome.Clone();
        patch.Statement = "rewritten by another country";

        Func<Task>[] paths =
        [
            () => kenya.GetOutcomeAsync(new GetOutcomeRequest { Name = outcome.Name }).ResponseAsync,
            () => kenya.ListOutcomesAsync(new ListOutcomesRequest { Parent = request.Name }).ResponseAsync,
            () => kenya.CreateOutcomeAsync(new CreateOutcomeRequest { Parent = request.Name, Outcome = RequestLifecycleDriver.MeasuredOutcome() }).ResponseAsync,
            () => kenya.UpdateOutcomeAsync(new UpdateOutcomeRequest { Outcome = patch }).ResponseAsync,
        ];
        foreach (var path in paths)
        {
            Assert.Equal("RESOURCE_NOT_FOUND", (await RichErrors.FailsWith(StatusCode.NotFound, path)).ErrorInfo()!.Reason);
        }

        Assert.Equal([outcome], (await coordinator.ListOutcomesAsync(new ListOutcomesRequest { Parent = request.Name })).Outcomes);
    }

    [Fact]
    public async Task Auditors_funding_donors_and_the_funding_service_read_outcomes_other_donors_do_not()
    {
        var scenario = new FundingScenario(suite);
        var own = await scenario.PledgeAsync(100);
        var others = await scenario.PledgeAsync(100);
        var request = await scenario.RequestAsync();
        await scenario.Funding.CreateAllocationAsync(FundingScenario.Allocation(own, request, new Money { CurrencyCode = "USD", Units = 10 }));
        var outcome = await CreateAsync(coordinator, request.Name, RequestLifecycleDriver.MeasuredOutcome());
        var list = new ListOutcomesRequest { Parent = request.Name };

        foreach (var reader in new[] { Person(CallerRole.Auditor, "results-auditor"), Donor(own), FundingService() })
        {
            Assert.Equal([outcome], (await reader.ListOutcomesAsync(list)).Outcomes);
            Assert.Equal(outcome, (await reader.GetOutcomeAsync(new GetOutcomeRequest { Name = outcome.Name })).Outcome);
        }

        await RichErrors.FailsWith(StatusCode.NotFound, () => Donor(others).ListOutcomesAsync(list).ResponseAsync);
        await RichErrors.FailsWith(StatusCode.NotFound, () => Donor(others).GetOutcomeAsync(new GetOutcomeRequest { Name = outcome.Name }).ResponseAsync);
    }

    public static TheoryData<string, Action<Outcome>, string[]> InvalidOutcomes => new()
    {
        { "blank statement", outcome => outcome.Statement = " ", ["outcome.statement"] },
        { "no indicator", outcome => outcome.Indicators.Clear(), ["outcome.indicators"] },
        { "eleven indicators", outcome => outcome.Indicators.Add(Enumerable.Range(0, 10).Select(i => Titled(outcome.Indicators[0], $"indicator {i}"))), ["outcome.indicators"] },
        { "an indicator's title repeated", outcome => outcome.Indicators.Add(outcome.Indicators[0].Clone()), ["outcome.indicators[1]"] },
        { "no measure", outcome => outcome.Indicators[0].Measure = Measure.Unspecified, ["outcome.indicators[0].measure"] },
        { "a count without its unit", outcome => outcome.Indicators[0].Unit = "", ["outcome.indicators[0].unit"] },
        { "no baseline", outcome => outcome.Indicators[0].Baseline = null, ["outcome.indicators[0].baseline"] },
        { "a target without a date", outcome => outcome.Indicators[0].Target.Date = null, ["outcome.indicators[0].target.date"] },
        {
            "a baseline in the future (and so after the actual)",
            outcome => outcome.Indicators[0].Baseline.Date = Day(30),
            ["outcome.indicators[0].baseline.date", "outcome.indicators[0].actuals[0].date"]
        },
        { "a target not after the baseline", outcome => outcome.Indicators[0].Target.Date = outcome.Indicators[0].Baseline.Date, ["outcome.indicators[0].target.date"] },
        { "an actual in the future", outcome => outcome.Indicators[0].Actuals[0].Date = Day(1), ["outcome.indicators[0].actuals[0].date"] },
        {
            "an actual before the baseline",
            outcome => outcome.Indicators[0].Actuals[0].Date = new Date { Year = 2024, Month = 12, Day = 31 },
            ["outcome.indicators[0].actuals[0].date"]
        },
        { "not a calendar day", outcome => outcome.Indicators[0].Actuals[0].Date = new Date { Year = 2025, Month = 2, Day = 30 }, ["outcome.indicators[0].actuals[0].date"] },
        { "a negative value", outcome => outcome.Indicators[0].Baseline.Value = -1, ["outcome.indicators[0].baseline.value"] },
        { "a value beyond a billion", outcome => outcome.Indicators[0].Target.Value = 1e9 + 1, ["outcome.indicators[0].target.value"] },
        { "not a number", outcome => outcome.Indicators[0].Actuals[0].Value = double.NaN, ["outcome.indicators[0].actuals[0].value"] },
        { "infinity", outcome => outcome.Indicators[0].Target.Value = double.PositiveInfinity, ["outcome.indicators[0].target.value"] },
        {
            "a percentage above 100",
            outcome => { outcome.Indicators[0].Measure = Measure.Percentage; outcome.Indicators[0].Target.Value = 101; },
            ["outcome.indicators[0].target.value"]
        },
        { "51 actuals", outcome => outcome.Indicators[0].Actuals.Add(Enumerable.Repeat(outcome.Indicators[0].Actuals[0], 50)), ["outcome.indicators[0].actuals"] },
    };

    [Theory]
    [MemberData(nameof(InvalidOutcomes))]
    public async Task Invalid_outcomes_are_refused_naming_each_field_on_create_and_on_update(string @case, Action<Outcome> spoil, string[] fields)
    {
        var request = await Driver.CreateInStateAsync(State.InDelivery);
        var stored = (await coordinator.ListOutcomesAsync(new ListOutcomesRequest { Parent = request.Name })).Outcomes[0];
        var outcome = RequestLifecycleDriver.MeasuredOutcome();
        spoil(outcome);
        var patch = stored.Clone();
        patch.Statement = outcome.Statement;
        patch.Indicators.Clear();
        patch.Indicators.Add(outcome.Indicators);

        var created = await RichErrors.FailsWith(StatusCode.InvalidArgument,
            () => coordinator.CreateOutcomeAsync(new CreateOutcomeRequest { Parent = request.Name, Outcome = outcome }).ResponseAsync);
        var updated = await RichErrors.FailsWith(StatusCode.InvalidArgument,
            () => coordinator.UpdateOutcomeAsync(new UpdateOutcomeRequest { Outcome = patch, UpdateMask = new FieldMask { Paths = { "*" } } }).ResponseAsync);

        Assert.Equal(fields, created.ViolatedFields().Distinct());
        Assert.Equal(fields, updated.ViolatedFields().Distinct());
        Assert.Equal([stored], (await coordinator.ListOutcomesAsync(new ListOutcomesRequest { Parent = request.Name })).Outcomes);
        Assert.True(@case.Length > 0);
    }

    [Fact]
    public async Task A_stale_etag_is_aborted_and_changes_nothing_while_no_etag_applies_to_the_latest()
    {
        var request = await Driver.CreateInStateAsync(State.InDelivery);
        var first = (await coordinator.ListOutcomesAsync(new ListOutcomesRequest { Parent = request.Name })).Outcomes[0];
        var second = (await coordinator.UpdateOutcomeAsync(new UpdateOutcomeRequest { Outcome = new Outcome { Name = first.Name, Statement = "second", Etag = first.Etag } })).Outcome;

        var stale = new Outcome { Name = first.Name, Statement = "third", Etag = first.Etag };
        await RichErrors.FailsWith(StatusCode.Aborted, () => coordinator.UpdateOutcomeAsync(new UpdateOutcomeRequest { Outcome = stale }).ResponseAsync);
        Assert.Equal(second, (await coordinator.GetOutcomeAsync(new GetOutcomeRequest { Name = first.Name })).Outcome);

        var unconditional = (await coordinator.UpdateOutcomeAsync(new UpdateOutcomeRequest { Outcome = new Outcome { Name = first.Name, Statement = "third" } })).Outcome;
        Assert.Equal(("third", second.Indicators), (unconditional.Statement, unconditional.Indicators));
    }

    [Theory]
    [InlineData("name")]
    [InlineData("create_time")]
    [InlineData("indicators.title")]
    public async Task Only_the_statement_and_the_indicators_can_be_updated(string path)
    {
        var request = await Driver.CreateInStateAsync(State.InDelivery);
        var outcome = (await coordinator.ListOutcomesAsync(new ListOutcomesRequest { Parent = request.Name })).Outcomes[0];

        var refusal = await RichErrors.FailsWith(StatusCode.InvalidArgument,
            () => coordinator.UpdateOutcomeAsync(new UpdateOutcomeRequest { Outcome = outcome, UpdateMask = new FieldMask { Paths = { path } } }).ResponseAsync);

        Assert.Equal(["update_mask.paths[0]"], refusal.ViolatedFields());
    }

    [Fact]
    public async Task A_create_retried_with_its_request_id_returns_the_first_outcome_and_records_one_entry()
    {
        var request = await Driver.CreateInStateAsync(State.Approved);
        var create = new CreateOutcomeRequest { Parent = request.Name, Outcome = RequestLifecycleDriver.MeasuredOutcome(), RequestId = Guid.NewGuid().ToString() };

        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ => (await coordinator.CreateOutcomeAsync(create)).Outcome));
        var reused = create.Clone();
        reused.Outcome.Statement = "a different outcome";

        Assert.Single(answers.Distinct());
        Assert.Equal([answers[0]], (await coordinator.ListOutcomesAsync(new ListOutcomesRequest { Parent = request.Name })).Outcomes);
        Assert.Single(await Driver.HistoryAsync(request.Name), entry => entry.Action == Action.ResultsUpdate);
        Assert.Equal("REQUEST_ID_REUSED", (await RichErrors.FailsWith(StatusCode.AlreadyExists, () => coordinator.CreateOutcomeAsync(reused).ResponseAsync)).ErrorInfo()!.Reason);
    }

    [Fact]
    public async Task A_draft_takes_outcomes_without_actuals_and_a_final_request_takes_no_change()
    {
        var draft = await Driver.CreateAsync();
        var completed = await Driver.CreateInStateAsync(State.Completed);
        var outcome = (await coordinator.ListOutcomesAsync(new ListOutcomesRequest { Parent = completed.Name })).Outcomes[0];

        await CreateAsync(coordinator, draft.Name, RequestLifecycleDriver.Outcome("Judges rule on electronic evidence"));
        var early = await RichErrors.FailsWith(StatusCode.FailedPrecondition, () => CreateAsync(coordinator, draft.Name, RequestLifecycleDriver.MeasuredOutcome()));
        var late = await RichErrors.FailsWith(StatusCode.FailedPrecondition, () => CreateAsync(coordinator, completed.Name, RequestLifecycleDriver.MeasuredOutcome()));
        var edit = await RichErrors.FailsWith(StatusCode.FailedPrecondition,
            () => coordinator.UpdateOutcomeAsync(new UpdateOutcomeRequest { Outcome = new Outcome { Name = outcome.Name, Statement = "rewritten after the fact" } }).ResponseAsync);

        Assert.All([early, late, edit], refusal => Assert.Equal("INVALID_STATE", refusal.ErrorInfo()!.Reason));
        Assert.Equal(outcome, (await coordinator.GetOutcomeAsync(new GetOutcomeRequest { Name = outcome.Name })).Outcome);
    }

    [Fact]
    public async Task A_request_holds_at_most_ten_outcomes()
    {
        var request = await Driver.CreateInStateAsync(State.InDelivery);
        for (var i = 1; i < 10; i++)
        {
            await CreateAsync(coordinator, request.Name, RequestLifecycleDriver.MeasuredOutcome());
        }

        var refusal = await RichErrors.FailsWith(StatusCode.FailedPrecondition, () => CreateAsync(coordinator, request.Name, RequestLifecycleDriver.MeasuredOutcome()));

        Assert.Equal(("OUTCOME_LIMIT_REACHED", "10"), (refusal.ErrorInfo()!.Reason, refusal.ErrorInfo()!.Metadata["max_outcomes"]));
        var first = await coordinator.ListOutcomesAsync(new ListOutcomesRequest { Parent = request.Name, PageSize = 4 });
        var rest = await coordinator.ListOutcomesAsync(new ListOutcomesRequest { Parent = request.Name, PageSize = 500, PageToken = first.NextPageToken });
        Assert.Equal((4, 6, ""), (first.Outcomes.Count, rest.Outcomes.Count, rest.NextPageToken));
        var names = first.Outcomes.Concat(rest.Outcomes).Select(outcome => outcome.Name).ToList();
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
    }

    [Fact]
    public async Task A_request_without_outcomes_cannot_be_completed()
    {
        var request = await Driver.CreateAsync();
        foreach (var action in new[] { Action.Submit, Action.BeginReview, Action.Approve, Action.StartDelivery })
        {
            request = await Driver.ActAsync(request.Name, action);
        }

        var refusal = await RichErrors.FailsWith(StatusCode.FailedPrecondition, () => Driver.ActAsync(request.Name, Action.Complete));

        Assert.Equal(("RESULTS_NOT_REPORTED", "outcomes"), (refusal.ErrorInfo()!.Reason, refusal.ErrorInfo()!.Metadata["missing"]));
        Assert.Equal(request, (await coordinator.GetAssistanceRequestAsync(new GetAssistanceRequestRequest { Name = request.Name })).AssistanceRequest);
    }

    [Fact]
    public async Task Every_indicator_needs_an_actual_before_completion_and_the_error_names_those_without()
    {
        var request = await Driver.CreateInStateAsync(State.InDelivery);
        var unmeasured = RequestLifecycleDriver.MeasuredOutcome();
        unmeasured.Indicators.Add(Titled(RequestLifecycleDriver.Outcome("").Indicators[0], "Cases referred to prosecutors"));
        var pending = await CreateAsync(coordinator, request.Name, unmeasured);

        var refusal = await RichErrors.FailsWith(StatusCode.FailedPrecondition, () => Driver.ActAsync(request.Name, Action.Complete));

        Assert.Equal(("RESULTS_NOT_REPORTED", "actuals", $"{pending.Name}.indicators[1]"),
            (refusal.ErrorInfo()!.Reason, refusal.ErrorInfo()!.Metadata["missing"], refusal.ErrorInfo()!.Metadata["indicators_without_actuals"]));
        pending.Indicators[1].Actuals.Add(new IndicatorValue { Value = 2, Date = SampleData.Day(System.DateTime.UtcNow.Date) });
        await coordinator.UpdateOutcomeAsync(new UpdateOutcomeRequest { Outcome = pending });
        Assert.Equal(State.Completed, (await Driver.ActAsync(request.Name, Action.Complete)).State);
    }

    /// <summary>
    /// A completion racing an outcome that has no actual yet: the completion checked the results
    /// on a version of the request the new outcome's entry replaces, so either the outcome comes
    /// first and the completion is refused, or the completion comes first and the outcome is refused.
    /// </summary>
    [Fact]
    public async Task A_completion_never_lands_beside_an_unmeasured_outcome_added_at_the_same_time()
    {
        for (var round = 0; round < 6; round++)
        {
            var request = await Driver.CreateInStateAsync(State.InDelivery);

            var completion = Capture(Driver.ActAsync(request.Name, Action.Complete));
            var addition = Capture(CreateAsync(coordinator, request.Name, RequestLifecycleDriver.Outcome("Added while completing")));
            var (completed, added) = (await completion, await addition);

            Assert.True(completed ^ added, $"round {round}: completed {completed}, outcome added {added}");
            var outcomes = (await coordinator.ListOutcomesAsync(new ListOutcomesRequest { Parent = request.Name })).Outcomes;
            var state = (await coordinator.GetAssistanceRequestAsync(new GetAssistanceRequestRequest { Name = request.Name })).AssistanceRequest.State;
            Assert.Equal(completed ? (State.Completed, 1) : (State.InDelivery, 2), (state, outcomes.Count));
        }
    }

    private static async Task<bool> Capture<T>(Task<T> call)
    {
        try
        {
            await call;
            return true;
        }
        catch (RpcException exception) when (exception.StatusCode == StatusCode.FailedPrecondition)
        {
            return false;
        }
    }

    private static async Task<Outcome> CreateAsync(AssistanceService.AssistanceServiceClient client, string parent, Outcome outcome) =>
        (await client.CreateOutcomeAsync(new CreateOutcomeRequest { Parent = parent, Outcome = outcome })).Outcome;

    private static Indicator Titled(Indicator indicator, string title)
    {
        var copy = indicator.Clone();
        copy.Title = title;
        copy.Actuals.Clear();
        return copy;
    }

    private static Date Day(int daysFromToday) => SampleData.Day(System.DateTime.UtcNow.Date.AddDays(daysFromToday));

    private AssistanceService.AssistanceServiceClient MemberState(string country) =>
        new(suite.Channel(suite.GatewayGrpcAddress, suite.Tokens.Mint(CallerRole.MemberState, country == "GHA" ? "ghana-focal-point" : "other-focal-point", country: country)));

    private AssistanceService.AssistanceServiceClient Person(CallerRole role, string subject) =>
        new(suite.Channel(suite.GatewayGrpcAddress, suite.Tokens.Mint(role, subject)));

    private AssistanceService.AssistanceServiceClient Donor(Pledge pledge) =>
        new(suite.Channel(suite.GatewayGrpcAddress, suite.Tokens.Mint(CallerRole.Donor, "donor-" + pledge.Name.Split('/')[1], donorId: pledge.Name.Split('/')[1])));

    private AssistanceService.AssistanceServiceClient FundingService() =>
        new(suite.Channel(suite.AssistanceAddress, suite.ServiceTokens.MintFor("funding")));
}

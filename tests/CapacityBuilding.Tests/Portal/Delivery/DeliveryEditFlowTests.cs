using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.Contracts.Training.V1;
using CapacityBuilding.Tests.Delivery;
using CapacityBuilding.Tests.Infrastructure;
using CapacityBuilding.Tests.Portal.Browser;
using CapacityBuilding.Tests.Training;
using RequestState = CapacityBuilding.Contracts.Assistance.V1.AssistanceRequest.Types.State;

namespace CapacityBuilding.Tests.Portal.Delivery;

/// <summary>
/// The delivery pages added after planning, in a browser through the gateway: a coordinator changes
/// a planned event's experts and participants; the focal point adds an outcome with two indicators
/// in one form; a coordinator's completion refused for want of results lists the indicator that
/// lacks an actual; a coordinator records a completed session's host institution's evaluation,
/// which the session page then sums up by group. Each page reached is checked (axe, strings).
/// </summary>
[Collection(SuiteDefinition.Name)]
public sealed class DeliveryEditFlowTests(SuiteFixture suite, BrowserFixture browser)
{
    private readonly DeliverySetup setup = new(suite);

    [Fact]
    public async Task A_coordinator_changes_a_planned_events_experts_and_counts_its_participants_by_sex_and_role()
    {
        var request = await setup.RequestAsync("GHA");
        var first = await setup.ExpertAsync();
        var second = await setup.ExpertAsync(expert =>
        {
            expert.ThematicAreas.Clear();
            expert.ThematicAreas.Add(request.ThematicAreas);
        });
        var planned = await setup.EventAsync(request.Name, DeliverySetup.LastYear.AddDays(80), 3, first.Name);
        await using var coordinator = await BrowserSession.SignedInAsync(browser, suite, DemoUsers.Coordinator);
        var page = coordinator.Page;

        await coordinator.GoToAsync("/delivery/" + planned.Name);
        await coordinator.ClickAndWaitForAsync(page.Locator($"a[href='/delivery/{planned.Name}/edit']"), page.Locator("#field-delivery_event-participants-women"));
        await coordinator.AssertPageIsCleanAsync("delivery-edit-event");
        await page.CheckAsync($"input[name='Change.Experts'][value='{second.Name}']");
        await page.FillAsync("#field-delivery_event-participants-women", "9");
        await page.FillAsync("#field-delivery_event-participants-men", "12");
        await page.FillAsync("#field-role-Investigators", "15");
        await page.FillAsync("#field-role-Prosecutors", "4");
        await coordinator.ClickAndWaitForAsync(page.Locator("button[type=submit].primary"), page.Locator("dl.event-details"));

        var details = await page.InnerTextAsync("dl.event-details");
        Assert.Contains(first.DisplayName, details, StringComparison.Ordinal);
        Assert.Contains(second.DisplayName, details, StringComparison.Ordinal);
        var stored = (await setup.Training.GetDeliveryEventAsync(new GetDeliveryEventRequest { Name = planned.Name })).DeliveryEvent;
        Assert.Equal(new[] { first.Name, second.Name }.Order(StringComparer.Ordinal), stored.Experts.Order(StringComparer.Ordinal));
        Assert.Equal((9, 12, 21), (stored.Participants.Women, stored.Participants.Men, stored.Participants.Total));
        Assert.Equal([(Contracts.Common.V1.TargetAudience.Investigators, 15), (Contracts.Common.V1.TargetAudience.Prosecutors, 4)],
            stored.Participants.ByRole.Select(role => (role.Role, role.Count)));
    }

    [Fact]
    public async Task The_focal_point_adds_an_outcome_with_two_indicators_and_a_refused_completion_lists_the_one_without_an_actual()
    {
        var request = await setup.RequestAsync("GHA", RequestState.InDelivery);
        await using var focalPoint = await BrowserSession.SignedInAsync(browser, suite, DemoUsers.FocalPointGhana);
        var page = focalPoint.Page;
        await focalPoint.GoToAsync("/" + request.Name);
        await page.FillAsync("#field-outcome-statement", "Prosecutors present electronic evidence that courts admit.");
        await FillIndicatorAsync(page, 1, "Cases with admitted electronic evidence", "Unit", ("2", "12"));
        await page.FillAsync("#field-indicator1-unit", "cases");
        await focalPoint.ClickAndWaitForAsync(page.Locator("button[value=add-indicator]"), page.Locator("#field-indicator2-title"));
        Assert.Equal("Cases with admitted electronic evidence", await page.InputValueAsync("#field-indicator1-title"));
        await FillIndicatorAsync(page, 2, "Prosecutors trained", "Percentage", ("10", "80"));
        await focalPoint.ClickAndWaitForAsync(page.Locator("button[value=save]"), page.Locator("table.outcome-table th", new() { HasText = "Prosecutors trained" }));
        await focalPoint.AssertPageIsCleanAsync("results-outcome-two-indicators");

        var assistance = new AssistanceService.AssistanceServiceClient(suite.Gateway);
        // The test driver reported the in-delivery request's first outcome, measured; this is the second.
        var outcome = Assert.Single((await assistance.ListOutcomesAsync(new ListOutcomesRequest { Parent = request.Name })).Outcomes,
            outcome => outcome.Statement == "Prosecutors present electronic evidence that courts admit.");
        Assert.Equal(["Cases with admitted electronic evidence", "Prosecutors trained"], outcome.Indicators.Select(indicator => indicator.Title));
        var measured = outcome.Clone();
        measured.Indicators[0].Actuals.Add(new IndicatorValue { Value = 5, Date = DeliverySetup.Day(DateOnly.FromDateTime(System.DateTime.UtcNow).AddDays(-1)) });
        await assistance.UpdateOutcomeAsync(new UpdateOutcomeRequest { Outcome = measured, UpdateMask = new() { Paths = { "indicators" } } });

        await using var coordinator = await BrowserSession.SignedInAsync(browser, suite, DemoUsers.Coordinator);
        await coordinator.GoToAsync("/triage/" + request.Name["requests/".Length..]);
        await coordinator.ClickAndWaitForAsync(coordinator.Page.Locator("button[name='Form.Action'][value=Complete]"), coordinator.Page.Locator(".missing-actuals li"));
        await coordinator.AssertPageIsCleanAsync("triage-completion-results-missing");

        var missing = await coordinator.Page.Locator(".missing-actuals li").AllInnerTextsAsync();
        Assert.Equal(["Prosecutors present electronic evidence that courts admit.: Prosecutors trained has no actual value yet"], missing);
        Assert.Equal(RequestState.InDelivery, (await assistance.GetAssistanceRequestAsync(new GetAssistanceRequestRequest { Name = request.Name })).AssistanceRequest.State);
    }

    /// <summary>Fills row <paramref name="row"/> of the new outcome's indicators: baseline last year, target in three.</summary>
    private static async Task FillIndicatorAsync(Microsoft.Playwright.IPage page, int row, string title, string measure, (string Baseline, string Target) values)
    {
        var field = $"#field-indicator{row}-";
        await page.FillAsync(field + "title", title);
        await page.SelectOptionAsync(field + "measure", measure);
        await page.FillAsync(field + "baseline-value", values.Baseline);
        await page.FillAsync(field + "baseline-date", DeliverySetup.LastYear.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.FillAsync(field + "target-value", values.Target);
        await page.FillAsync(field + "target-date", DeliverySetup.LastYear.AddYears(3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_coordinator_records_a_completed_sessions_host_evaluation_and_the_session_page_sums_it_up_by_group()
    {
        var training = new TrainingSetup(setup.Training);
        var session = await training.SessionAsync();
        await training.SetStatusAsync(session, SessionStatus.Completed);
        await using var coordinator = await BrowserSession.SignedInAsync(browser, suite, DemoUsers.Coordinator);
        var page = coordinator.Page;

        await coordinator.GoToAsync("/catalogue/" + session.Name);
        await coordinator.ClickAndWaitForAsync(page.Locator($"a[href='/catalogue/{session.Name}/evaluate']"), page.Locator("#field-evaluation-objectives_met"));
        await coordinator.AssertPageIsCleanAsync("catalogue-evaluate-session-host");
        await page.SelectOptionAsync("#field-evaluation-objectives_met", "5");
        await page.SelectOptionAsync("#field-evaluation-knowledge_improved", "4");
        await page.SelectOptionAsync("#field-evaluation-more_help_needed", "3");
        await coordinator.ClickAndWaitForAsync(page.Locator("button[type=submit].primary"), page.Locator("table.data-table th", new() { HasText = "Host institution" }));
        await coordinator.AssertPageIsCleanAsync("catalogue-session-summary-by-group");

        var evaluation = Assert.Single((await setup.Training.ListEvaluationsAsync(new ListEvaluationsRequest { Parent = session.Name })).Evaluations);
        Assert.Equal((Respondent.HostInstitution, 5, 4, 3, ""), (evaluation.Respondent, evaluation.ObjectivesMet, evaluation.KnowledgeImproved, evaluation.MoreHelpNeeded, evaluation.Enrolment));
    }
}

using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.Tests.Assistance;
using CapacityBuilding.Tests.Infrastructure;
using CapacityBuilding.Tests.Portal.Browser;
using Action = CapacityBuilding.Contracts.Assistance.V1.HistoryEntry.Types.Action;
using State = CapacityBuilding.Contracts.Assistance.V1.AssistanceRequest.Types.State;

namespace CapacityBuilding.Tests.Portal.Requests;

/// <summary>
/// The focal point's request pages in a browser, through the gateway, against the real services:
/// drafting, the service's violations next to their fields in the reader's language, submitting,
/// withdrawing with a reason, a change made meanwhile, and what another country's focal point,
/// a coordinator and an auditor see. Each page reached is checked (axe, strings) and photographed.
/// </summary>
[Collection(SuiteDefinition.Name)]
public sealed class RequestFlowTests(SuiteFixture suite, BrowserFixture browser)
{
    private readonly RequestLifecycleDriver coordinator = new(RequestLifecycleDriver.Coordinator(suite, "portal-requests-coordinator"));

    [Fact]
    public async Task A_focal_point_drafts_fixes_the_violation_next_to_its_field_submits_and_sees_it_submitted_and_another_country_never_sees_it()
    {
        var title = $"Portal request flow {Guid.NewGuid():N}";
        await using var ghana = await BrowserSession.OpenAsync(browser, suite);
        await ghana.SignInAsync(DemoUsers.FocalPointGhana);
        await ghana.GoToAsync(RequestPageOf.New);
        await ghana.AssertPageIsCleanAsync("requests-new");
        var form = new RequestFormPage(ghana.Page);

        await form.FillCompleteAsync(title, "ama.mensah at the police");
        await ghana.ClickAndWaitForAsync(form.SaveDraftButton, form.MessageOf(RequestFormPage.FocalPointEmail));

        Assert.Equal("true", await form.Input(RequestFormPage.FocalPointEmail).GetAttributeAsync("aria-invalid"));
        // The portal's own words for the field, not the service's English text.
        Assert.StartsWith("Enter a plain e-mail address", (await form.MessageOf(RequestFormPage.FocalPointEmail).InnerTextAsync()).Trim(), StringComparison.Ordinal);
        Assert.Equal(1, await form.ErrorSummary.Locator($"a[href$='#{RequestFormPage.InputId(RequestFormPage.FocalPointEmail)}']").CountAsync());
        await ghana.AssertPageIsCleanAsync("requests-new-with-errors");

        await form.Input(RequestFormPage.FocalPointEmail).FillAsync("ama.mensah@police.gov.gh");
        await ghana.ClickAndWaitForAsync(form.SubmitButton, ghana.Page.Locator(".request-state .status-submitted"));
        var name = RequestPageOf.NameIn(ghana.Page.Url);
        await ghana.AssertPageIsCleanAsync("requests-detail-submitted");

        await ghana.GoToAsync(RequestPageOf.List + "?state=Submitted");
        Assert.Equal(1, await ghana.Page.Locator($"a[href='{name}']", new() { HasText = title }).CountAsync());

        await using var kenya = await BrowserSession.OpenAsync(browser, suite);
        await kenya.SignInAsync(DemoUsers.FocalPointKenya);
        await kenya.GoToAsync(RequestPageOf.List);
        Assert.DoesNotContain(title, await kenya.Page.ContentAsync(), StringComparison.Ordinal);
        foreach (var path in new[] { RequestPageOf.Detail(name), RequestPageOf.Edit(name) })
        {
            var response = await kenya.Page.GotoAsync(path);
            Assert.Equal(404, response?.Status);
            Assert.DoesNotContain(title, await kenya.Page.ContentAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Submitting_an_incomplete_draft_saves_it_and_shows_each_missing_field_next_to_it_in_the_readers_language()
    {
        var title = $"Portal incomplete {Guid.NewGuid():N}";
        await using var ghana = await BrowserSession.OpenAsync(browser, suite);
        await ghana.SignInAsync(DemoUsers.FocalPointGhana);
        await ghana.SwitchLanguageAsync("fr");
        await ghana.GoToAsync(RequestPageOf.New);
        var form = new RequestFormPage(ghana.Page);

        await form.FillDraftAsync(title);
        await ghana.ClickAndWaitForAsync(form.SubmitButton, form.MessageOf(RequestFormPage.DesiredStart));

        Assert.Contains("premier jour souhaité", await form.MessageOf(RequestFormPage.DesiredStart).InnerTextAsync(), StringComparison.Ordinal);
        foreach (var field in new[] { RequestFormPage.AssistanceTypes, RequestFormPage.FocalPointName, RequestFormPage.DesiredEnd, RequestFormPage.BudgetAmount })
        {
            Assert.Equal(1, await form.MessageOf(field).CountAsync());
            Assert.Equal(1, await form.ErrorSummary.Locator($"a[href$='#{RequestFormPage.InputId(field)}']").CountAsync());
        }

        await ghana.AssertPageIsCleanAsync("requests-new-incomplete");
        // The draft was saved before the submission was refused: the form now edits it.
        var name = await ghana.Page.Locator("input[name='Form.Name']").InputValueAsync();
        Assert.StartsWith("requests/", name, StringComparison.Ordinal);
        await ghana.GoToAsync(RequestPageOf.List + "?state=Draft");
        Assert.Equal(1, await ghana.Page.Locator($"a[href='{name}']", new() { HasText = title }).CountAsync());
    }

    [Fact]
    public async Task Withdrawing_asks_for_a_reason_and_the_reason_appears_on_the_timeline()
    {
        var request = await coordinator.CreateInStateAsync(State.Submitted,
            RequestLifecycleDriver.CompleteRequest("GHA", $"Portal withdraw {Guid.NewGuid():N}"));
        const string reason = "The ministry found national funding for this training.";
        await using var ghana = await BrowserSession.OpenAsync(browser, suite);
        await ghana.SignInAsync(DemoUsers.FocalPointGhana);
        await ghana.GoToAsync(RequestPageOf.Detail(request.Name));

        await ghana.ClickAndWaitForAsync(ghana.Page.Locator($"a[href='/{request.Name}/withdraw']"), ghana.Page.Locator("#field-reason"));
        await ghana.AssertPageIsCleanAsync("requests-withdraw");
        await ghana.ClickAndWaitForAsync(ghana.Page.Locator("button.danger"), ghana.Page.Locator("#field-reason-message"));
        Assert.Equal("true", await ghana.Page.Locator("#field-reason").GetAttributeAsync("aria-invalid"));

        await ghana.Page.Locator("#field-reason").FillAsync(reason);
        await ghana.ClickAndWaitForAsync(ghana.Page.Locator("button.danger"), ghana.Page.Locator(".request-state .status-withdrawn"));

        var timeline = await ghana.Page.Locator(".timeline").InnerTextAsync();
        Assert.Contains(reason, timeline, StringComparison.Ordinal);
        Assert.Contains("Withdrawn", timeline, StringComparison.Ordinal);
        await ghana.AssertPageIsCleanAsync("requests-detail-withdrawn");
    }

    [Fact]
    public async Task Saving_over_a_change_made_meanwhile_is_refused_with_a_link_to_the_current_version()
    {
        var draft = await coordinator.CreateAsync(RequestLifecycleDriver.CompleteRequest("GHA", $"Portal stale {Guid.NewGuid():N}"));
        await using var ghana = await BrowserSession.OpenAsync(browser, suite);
        await ghana.SignInAsync(DemoUsers.FocalPointGhana);
        await ghana.GoToAsync(RequestPageOf.Edit(draft.Name));
        await ghana.AssertPageIsCleanAsync("requests-edit");
        var form = new RequestFormPage(ghana.Page);

        var changedMeanwhile = await coordinator.ActAsync(draft.Name, Action.Update);
        await form.Input(RequestFormPage.Title).FillAsync(draft.Title + " (mine)");
        await ghana.ClickAndWaitForAsync(form.SaveDraftButton, form.ErrorSummary);

        Assert.Equal(1, await ghana.Page.Locator($".notice a[href='{RequestPageOf.Edit(draft.Name)}']").CountAsync());
        await ghana.GoToAsync(RequestPageOf.Detail(draft.Name));
        Assert.Equal(changedMeanwhile.Title, (await ghana.Page.Locator("h1").InnerTextAsync()).Trim());
    }

    [Fact]
    public async Task An_edit_names_only_the_changed_fields_on_the_timeline()
    {
        var draft = await coordinator.CreateAsync(RequestLifecycleDriver.CompleteRequest("GHA", $"Portal edit {Guid.NewGuid():N}"));
        await using var ghana = await BrowserSession.OpenAsync(browser, suite);
        await ghana.SignInAsync(DemoUsers.FocalPointGhana);
        await ghana.GoToAsync(RequestPageOf.Edit(draft.Name));
        var form = new RequestFormPage(ghana.Page);

        await form.Input(RequestFormPage.EstimatedParticipants).FillAsync("75");
        await ghana.ClickAndWaitForAsync(form.SaveDraftButton, ghana.Page.Locator(".notice-success"));
        await ghana.GoToAsync(RequestPageOf.Detail(draft.Name));

        var edit = ghana.Page.Locator(".timeline > li").Last;
        Assert.Contains("Changed: Estimated participants", await edit.InnerTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_focal_point_records_a_needs_assessment_and_the_mandate_and_the_request_page_shows_them()
    {
        var draft = await coordinator.CreateAsync(RequestLifecycleDriver.CompleteRequest("GHA", $"Portal needs {Guid.NewGuid():N}"));
        var area = draft.ThematicAreas[0];
        await using var ghana = await BrowserSession.OpenAsync(browser, suite);
        await ghana.SignInAsync(DemoUsers.FocalPointGhana);
        await ghana.GoToAsync(RequestPageOf.Edit(draft.Name));

        await ghana.Page.Locator($"select[name='Form.BaselineLevels[{area}]']").SelectOptionAsync("2");
        await ghana.Page.Locator($"input[name='Form.BaselineNotes[{area}]']").FillAsync("A draft law, no trained prosecutors yet");
        await ghana.Page.Locator("input[name='Form.EndorsingAuthority']").FillAsync("Ministry of Communications and Digitalisation");
        await ghana.Page.Locator("input[name='Form.EndorsementDate']").FillAsync("2026-01-15");
        await ghana.ClickAndWaitForAsync(new RequestFormPage(ghana.Page).SaveDraftButton, ghana.Page.Locator(".notice-success"));
        await ghana.AssertPageIsCleanAsync("/request-edit-needs-saved");

        var stored = (await RequestLifecycleDriver.Coordinator(suite, "portal-requests-coordinator").GetAssistanceRequestAsync(new GetAssistanceRequestRequest { Name = draft.Name })).AssistanceRequest;
        var baseline = Assert.Single(stored.NeedsBaselines);
        Assert.Equal((area, 2, "A draft law, no trained prosecutors yet"), (baseline.ThematicArea, baseline.Level, baseline.Note));
        Assert.Equal(("Ministry of Communications and Digitalisation", 2026, 1, 15), (stored.EndorsingAuthority, stored.EndorsementDate.Year, stored.EndorsementDate.Month, stored.EndorsementDate.Day));

        await ghana.GoToAsync(RequestPageOf.Detail(draft.Name));
        var details = await ghana.Page.Locator("dl.request-details").InnerTextAsync();
        Assert.Contains("2 – initial – A draft law, no trained prosecutors yet", details, StringComparison.Ordinal);
        Assert.Contains("Ministry of Communications and Digitalisation", details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_coordinator_is_sent_to_triage_to_review_and_an_auditor_reads_the_timeline_without_actions()
    {
        var request = await coordinator.CreateInStateAsync(State.Submitted,
            RequestLifecycleDriver.CompleteRequest("GHA", $"Portal shared page {Guid.NewGuid():N}"));
        var id = request.Name["requests/".Length..];

        await using var coordinatorSession = await BrowserSession.OpenAsync(browser, suite);
        await coordinatorSession.SignInAsync(DemoUsers.Coordinator);
        await coordinatorSession.GoToAsync(RequestPageOf.Detail(request.Name));
        Assert.Equal(1, await coordinatorSession.Page.Locator($".request-actions a[href='/triage/{id}']").CountAsync());
        await coordinatorSession.AssertPageIsCleanAsync("requests-detail");

        await using var auditor = await BrowserSession.OpenAsync(browser, suite);
        await auditor.SignInAsync(DemoUsers.Auditor);
        await auditor.GoToAsync(RequestPageOf.Detail(request.Name));
        Assert.Equal(0, await auditor.Page.Locator(".request-actions").CountAsync());
        Assert.Equal(2, await auditor.Page.Locator(".timeline > li").CountAsync());
        await auditor.AssertPageIsCleanAsync("requests-detail");
    }
}

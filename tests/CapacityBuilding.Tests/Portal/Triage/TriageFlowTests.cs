using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.Contracts.Common.V1;
using CapacityBuilding.Contracts.Training.V1;
using CapacityBuilding.ServiceDefaults.Identity;
using CapacityBuilding.Tests.Assistance;
using CapacityBuilding.Tests.Infrastructure;
using CapacityBuilding.Tests.Portal.Browser;
using CapacityBuilding.Tests.Training;
using Microsoft.Playwright;
using Action = CapacityBuilding.Contracts.Assistance.V1.HistoryEntry.Types.Action;
using State = CapacityBuilding.Contracts.Assistance.V1.AssistanceRequest.Types.State;

namespace CapacityBuilding.Tests.Portal.Triage;

/// <summary>
/// The coordinator's triage in a browser, against the real suite: the queue filtered through its
/// GET form, the review workspace's lifecycle actions with the service's answer on the timeline,
/// a refused decision shown next to its field, and the pages closed to other roles.
/// </summary>
[Collection(SuiteDefinition.Name)]
public sealed class TriageFlowTests(SuiteFixture suite, BrowserFixture browser)
{
    // A country no other test files requests for, so the filtered queue holds only this test's.
    private const string QueueCountry = "LAO";

    [Fact]
    public async Task A_coordinator_filters_the_queue_opens_a_submitted_request_begins_review_approves_it_and_sees_it_on_the_timeline()
    {
        var focalPoint = Driver(QueueCountry);
        var asked = RequestLifecycleDriver.CompleteRequest(QueueCountry, SampleData.UniqueTitle("triage flow"));
        asked.ThematicAreas.Clear();
        asked.ThematicAreas.Add(MatchedTheme);
        var (course, openSession) = await FittingCourseAsync(asked);
        var submitted = await focalPoint.CreateInStateAsync(State.Submitted, asked);
        var draft = await focalPoint.CreateAsync(RequestLifecycleDriver.CompleteRequest(QueueCountry, SampleData.UniqueTitle("triage draft")));
        await using var session = await SignedInAsync(DemoUsers.Coordinator);

        await session.FollowNavigationAsync(TriagePath);
        var filters = session.Page.Locator("form.filters");
        await filters.Locator("select[name=state]").SelectOptionAsync(nameof(State.Submitted));
        await filters.Locator("select[name=country]").SelectOptionAsync(QueueCountry);
        var requestLink = session.Page.GetByRole(AriaRole.Link, new() { Name = submitted.Title });
        await session.ClickAndWaitForAsync(filters.Locator("button[type=submit]"), requestLink);

        Assert.Contains("country=" + QueueCountry, session.Page.Url, StringComparison.Ordinal);
        Assert.Equal(0, await session.Page.GetByRole(AriaRole.Link, new() { Name = draft.Title }).CountAsync());
        await session.AssertPageIsCleanAsync("/triage-filtered");

        await session.ClickAndWaitForAsync(requestLink, session.Page.Locator("h1", new() { HasText = submitted.Title }));
        await AssertMatchedAsync(session, course, openSession);
        await session.AssertPageIsCleanAsync("/triage/request-submitted");

        await session.ClickAndWaitForAsync(ActionButton(session, "BeginReview"), ActionButton(session, "Approve"));
        await session.Page.Locator("textarea[name='Form.Reason']").FillAsync("Fits the programme's legislation priority.");
        await session.ClickAndWaitForAsync(ActionButton(session, "Approve"), session.Page.Locator(".status-badge.status-approved"));

        var timeline = session.Page.Locator("table.timeline");
        var approval = timeline.Locator("tbody tr").Last;
        Assert.Contains("Fits the programme's legislation priority.", await approval.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Approved", await approval.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(4, await timeline.Locator("tbody tr").CountAsync());
        await AssertMatchedAsync(session, course, openSession);
        await session.AssertPageIsCleanAsync("/triage/request-approved");

        var stored = await Coordinator().GetAssistanceRequestAsync(new GetAssistanceRequestRequest { Name = submitted.Name });
        Assert.Equal(State.Approved, stored.AssistanceRequest.State);
    }

    [Fact]
    public async Task Each_filter_in_the_queues_address_reaches_the_service()
    {
        var asked = RequestLifecycleDriver.CompleteRequest(QueueCountry, SampleData.UniqueTitle("triage filters"));
        asked.ThematicAreas.Add(MatchedTheme);
        var submitted = await Driver(QueueCountry).CreateInStateAsync(State.Submitted, asked);
        var queue = $"{TriagePath}?country={QueueCountry}";
        await using var session = await SignedInAsync(DemoUsers.Coordinator);

        // LAO is on the DAC list (least developed); the request was created today (UTC).
        (string Query, bool Listed)[] cases =
        [
            ($"&state=Submitted&theme={MatchedTheme}&dac=true&from={Day(0)}&to={Day(0)}", true),
            ("&state=Submitted&theme=Prevention", false),
            ("&state=Submitted&dac=false", false),
            ($"&state=Submitted&from={Day(1)}", false),
            ($"&state=Submitted&to={Day(-1)}", false),
            ("&state=UnderReview", false),
        ];
        foreach (var (query, listed) in cases)
        {
            await session.GoToAsync(queue + query);
            var links = await session.Page.GetByRole(AriaRole.Link, new() { Name = submitted.Title }).CountAsync();
            Assert.True(listed == (links == 1), $"{query}: {links} links to the request");
        }
    }

    [Fact]
    public async Task Returning_a_request_without_a_reason_shows_the_services_violation_next_to_the_reason_and_changes_nothing()
    {
        var submitted = await Driver("GHA").CreateInStateAsync(State.Submitted);
        var underReview = await new RequestLifecycleDriver(Coordinator()).ActAsync(submitted.Name, Action.BeginReview);
        await using var session = await SignedInAsync(DemoUsers.Coordinator);
        await session.GoToAsync(WorkspacePath(underReview));

        await session.ClickAndWaitForAsync(ActionButton(session, "Return"), session.Page.Locator(".error-summary"));

        var reason = session.Page.Locator("textarea[name='Form.Reason']");
        Assert.Equal("true", await reason.GetAttributeAsync("aria-invalid"));
        var messageId = (await reason.GetAttributeAsync("aria-describedby"))!.Split(' ').Last();
        Assert.True(await session.Page.Locator($"#{messageId}").IsVisibleAsync());
        var summaryLink = session.Page.Locator(".error-summary a");
        Assert.EndsWith("#" + await reason.GetAttributeAsync("id"), await summaryLink.GetAttributeAsync("href"), StringComparison.Ordinal);
        await session.AssertPageIsCleanAsync("/triage/request-return-refused");

        var stored = await Coordinator().GetAssistanceRequestAsync(new GetAssistanceRequestRequest { Name = underReview.Name });
        Assert.Equal(State.UnderReview, stored.AssistanceRequest.State);
    }

    [Fact]
    public async Task A_decision_taken_on_a_page_someone_has_since_changed_is_refused_and_says_so()
    {
        var submitted = await Driver("GHA").CreateInStateAsync(State.Submitted);
        await using var session = await SignedInAsync(DemoUsers.Coordinator);
        await session.GoToAsync(WorkspacePath(submitted));

        await new RequestLifecycleDriver(Coordinator()).ActAsync(submitted.Name, Action.BeginReview, reason: "another coordinator was quicker");
        await session.ClickAndWaitForAsync(ActionButton(session, "BeginReview"), session.Page.Locator(".error-summary"));

        Assert.Contains("Someone changed this in the meantime", await session.Page.Locator(".error-summary").InnerTextAsync(), StringComparison.Ordinal);
        var history = await new RequestLifecycleDriver(Coordinator()).HistoryAsync(submitted.Name);
        Assert.Single(history, entry => entry.Action == Action.BeginReview);
    }

    [Fact]
    public async Task A_focal_point_has_no_triage_in_the_navigation_and_gets_the_forbidden_page_at_its_addresses()
    {
        var request = await Driver("GHA").CreateInStateAsync(State.Submitted);
        await using var session = await SignedInAsync(DemoUsers.FocalPointGhana);

        Assert.DoesNotContain(TriagePath, await session.NavigationPathsAsync());
        foreach (var path in new[] { TriagePath, WorkspacePath(request) })
        {
            var response = await session.Page.GotoAsync(path);
            Assert.Equal(403, response?.Status);
            Assert.Empty(await session.Page.GetByRole(AriaRole.Link, new() { Name = request.Title }).AllAsync());
        }

        await session.AssertPageIsCleanAsync("/triage-forbidden");
    }

    private const string TriagePath = "/triage";

    /// <summary>A UTC day as the queue's date filters take it, <paramref name="offset"/> days from today.</summary>
    private static string Day(int offset) =>
        DateOnly.FromDateTime(DateTime.UtcNow.AddDays(offset)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    // A theme no other test gives its courses, so the course made here is the best match.
    private const ThematicArea MatchedTheme = ThematicArea.IctFraudAndForgery;

    /// <summary>A published course on the request's theme with a session in its desired window.</summary>
    private async Task<(Course Course, Session Session)> FittingCourseAsync(AssistanceRequest request)
    {
        var training = new TrainingSetup(suite.TrainingClient(suite.CoordinatorToken));
        var course = await training.CourseAsync(course =>
        {
            course.ThematicAreas.Clear();
            course.ThematicAreas.Add(MatchedTheme);
        });
        var start = request.DesiredStart;
        var session = await training.SessionAsync(course, start: new DateTimeOffset(start.Year, start.Month, start.Day, 8, 0, 0, TimeSpan.Zero).AddDays(14), language: "en");
        return (course, session);
    }

    private static async Task AssertMatchedAsync(BrowserSession session, Course course, Session openSession)
    {
        var matching = session.Page.Locator("section[aria-labelledby=matching-heading]");
        Assert.Equal(1, await matching.Locator($"a[href='catalogue/{course.Name}']").CountAsync());
        Assert.Equal(1, await matching.Locator($"a[href='catalogue/{openSession.Name}']").CountAsync());
    }

    private static string WorkspacePath(AssistanceRequest request) => "/triage/" + request.Name["requests/".Length..];

    private static ILocator ActionButton(BrowserSession session, string action) =>
        session.Page.Locator($"button[name='Form.Action'][value='{action}']");

    private Task<BrowserSession> SignedInAsync(string demoUser) => BrowserSession.SignedInAsync(browser, suite, demoUser);

    private RequestLifecycleDriver Driver(string country) =>
        new(suite.AssistanceClient(suite.Tokens.Mint(CallerRole.MemberState, $"triage-focal-point-{country.ToLowerInvariant()}", country)));

    private AssistanceService.AssistanceServiceClient Coordinator() => suite.AssistanceClient(suite.CoordinatorToken);
}

using CapacityBuilding.Contracts.Training.V1;
using CapacityBuilding.Tests.Infrastructure;
using CapacityBuilding.Tests.Portal.Browser;
using CapacityBuilding.Tests.Training;
using Microsoft.Playwright;

namespace CapacityBuilding.Tests.Portal.Catalogue;

/// <summary>
/// The catalogue in a browser, through the gateway, against the real suite: a coordinator creates a
/// course and a session and finds it in the catalogue, sees the service's field violations next to
/// the fields, and a focal point enrols nationals into a session with a free seat (confirmed) and a
/// full one (waitlisted, with the position), finds them in their list and cancels one; a coordinator
/// records an evaluation and edits a session, and a change made meanwhile is not overwritten. Each page it
/// reaches is checked (axe, strings, direction) and photographed.
/// </summary>
[Collection(SuiteDefinition.Name)]
public sealed class CatalogueFlowTests(SuiteFixture suite, BrowserFixture browser)
{
    private readonly TrainingSetup setup = new(new TrainingService.TrainingServiceClient(suite.Gateway));

    [Fact]
    public async Task A_coordinator_creates_a_course_and_a_session_and_finds_them_in_the_catalogue()
    {
        await using var coordinator = await BrowserSession.OpenAsync(browser, suite);
        await coordinator.SignInAsync(DemoUsers.Coordinator);
        var page = coordinator.Page;
        var title = SampleData.UniqueTitle("Portal digital forensics");

        await coordinator.FollowNavigationAsync("/catalogue");
        await coordinator.AssertPageIsCleanAsync("catalogue");
        await coordinator.ClickAndWaitForAsync(page.Locator("a[href='/catalogue/new']"), page.Locator("#field-course-title"));
        await coordinator.AssertPageIsCleanAsync("catalogue-new-course");
        await page.FillAsync("#field-course-title", title);
        await page.FillAsync("#field-course-summary", "Seizing and examining devices.");
        await page.CheckAsync("input[name='Input.ThematicAreas'][value='ElectronicEvidence']");
        await page.CheckAsync("input[name='Input.Languages'][value='fr']");
        await page.CheckAsync("input[name='Input.TargetAudiences'][value='ForensicExaminers']");
        await page.SelectOptionAsync("#field-course-level", "Intermediate");
        await page.SelectOptionAsync("#field-course-delivery_mode", "InPerson");
        await page.FillAsync("#field-course-duration_hours", "35");
        await page.FillAsync("#field-course-max_class_size", "20");
        await page.FillAsync("#field-course-prerequisites", "Basic computer skills\nA warrant procedure course");
        await page.SelectOptionAsync("#field-course-status", "Published");
        await coordinator.ClickAndWaitForAsync(page.Locator("button[type=submit].primary"), page.Locator("h1", new() { HasText = title }));
        await coordinator.AssertPageIsCleanAsync("catalogue-course");

        await coordinator.ClickAndWaitForAsync(page.Locator("a[href$='/sessions/new']"), page.Locator("#field-session-start_time"));
        await coordinator.AssertPageIsCleanAsync("catalogue-new-session");
        var start = TrainingSetup.NextYear;
        await page.FillAsync("#field-session-start_time", start.ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture));
        await page.FillAsync("#field-session-end_time", start.AddDays(4).ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture));
        await page.FillAsync("#field-session-location", "Accra, Ghana Police Academy");
        await page.SelectOptionAsync("#field-session-language", "fr");
        await page.FillAsync("#field-session-seat_capacity", "12");
        await coordinator.ClickAndWaitForAsync(page.Locator("button[type=submit].primary"), page.Locator("dl.facts", new() { HasText = "Accra, Ghana Police Academy" }));
        await coordinator.AssertPageIsCleanAsync("catalogue-session");
        Assert.Contains("0 of 12", await page.InnerTextAsync("dl.facts"), StringComparison.Ordinal);

        await coordinator.GoToAsync("/catalogue?q=" + Uri.EscapeDataString(title));
        var row = page.Locator("table.data-table tbody tr", new() { HasText = title });
        Assert.Equal(1, await row.CountAsync());
        Assert.Contains("Electronic evidence", await row.InnerTextAsync(), StringComparison.OrdinalIgnoreCase);
        await coordinator.ClickAndWaitForAsync(row.Locator("a"), page.Locator("table.data-table tbody tr", new() { HasText = "Accra, Ghana Police Academy" }));
    }

    [Fact]
    public async Task The_services_field_violations_are_shown_next_to_their_fields_in_the_users_language_and_linked_from_the_summary()
    {
        await using var coordinator = await BrowserSession.OpenAsync(browser, suite);
        await coordinator.SignInAsync(DemoUsers.Coordinator);
        await coordinator.SwitchLanguageAsync("fr");
        var page = coordinator.Page;
        await coordinator.GoToAsync("/catalogue/new");

        await coordinator.ClickAndWaitForAsync(page.Locator("button[type=submit].primary"), page.Locator(".error-summary"));

        await coordinator.AssertPageIsCleanAsync("catalogue-new-course-violations");
        Assert.Equal("true", await page.GetAttributeAsync("#field-course-title", "aria-invalid"));
        Assert.Equal("field-course-title-message", await page.GetAttributeAsync("#field-course-title", "aria-describedby"));
        Assert.Equal("Saisissez un titre de 200 caractères au plus.", (await page.InnerTextAsync("#field-course-title-message")).Trim());
        Assert.True(await page.Locator(".error-summary a[href$='#field-course-title']").IsVisibleAsync());
        Assert.True(await page.Locator("#field-course-thematic_areas-message").IsVisibleAsync());
        Assert.Equal("fr", await page.GetAttributeAsync("html", "lang"));
    }

    [Fact]
    public async Task A_violation_of_one_item_of_a_list_is_shown_next_to_the_lists_input_and_linked_from_the_summary()
    {
        await using var coordinator = await BrowserSession.SignedInAsync(browser, suite, DemoUsers.Coordinator);
        var page = coordinator.Page;
        await coordinator.GoToAsync("/catalogue/new");

        // The service names the item: course.prerequisites[1].
        await page.FillAsync("#field-course-prerequisites", "Basic computer skills\n" + new string('x', 501));
        await coordinator.ClickAndWaitForAsync(page.Locator("button[type=submit].primary"), page.Locator(".error-summary"));

        await coordinator.AssertPageIsCleanAsync("catalogue-new-course-list-item-violation");
        Assert.Equal("Keep each prerequisite (one a line) to at most 500 characters.", (await page.InnerTextAsync("#field-course-prerequisites-message")).Trim());
        Assert.Equal("true", await page.GetAttributeAsync("#field-course-prerequisites", "aria-invalid"));
        Assert.Equal("field-course-prerequisites-message", await page.GetAttributeAsync("#field-course-prerequisites", "aria-describedby"));
        Assert.True(await page.Locator(".error-summary a[href$='#field-course-prerequisites']", new() { HasText = "Prerequisites" }).IsVisibleAsync());
    }

    [Fact]
    public async Task A_focal_point_enrols_a_national_into_a_free_seat_and_one_onto_the_waitlist_sees_both_and_cancels_one()
    {
        var course = await setup.CourseAsync();
        var open = await setup.SessionAsync(course, seats: 5);
        var full = await setup.SessionAsync(course, seats: 1);
        await setup.EnrolAsync(full, "first.in@police.example.org");
        await using var focalPoint = await BrowserSession.OpenAsync(browser, suite);
        await focalPoint.SignInAsync(DemoUsers.FocalPointGhana);
        var page = focalPoint.Page;

        await EnrolAsync(focalPoint, open, "Ama Mensah", $"ama.{Guid.NewGuid():N}@police.gov.gh");
        Assert.Contains("Ama Mensah is enrolled and has a seat.", await page.InnerTextAsync(".outcome"), StringComparison.Ordinal);
        await focalPoint.AssertPageIsCleanAsync("catalogue-enrolment-confirmed");
        var confirmedPath = new Uri(page.Url).AbsolutePath;

        await EnrolAsync(focalPoint, full, "Kofi Boateng", $"kofi.{Guid.NewGuid():N}@police.gov.gh");
        Assert.Contains("Kofi Boateng is on the waitlist, in position 1.", await page.InnerTextAsync(".outcome"), StringComparison.Ordinal);
        Assert.Contains("On the waitlist, position 1", await page.InnerTextAsync("dl.facts"), StringComparison.Ordinal);
        await focalPoint.AssertPageIsCleanAsync("catalogue-enrolment-waitlisted");

        await focalPoint.FollowNavigationAsync("/catalogue/enrolments");
        await focalPoint.AssertPageIsCleanAsync("catalogue-enrolments");
        Assert.Contains("Confirmed", await page.InnerTextAsync("tr:has-text('Ama Mensah')"), StringComparison.Ordinal);
        Assert.Contains("On the waitlist, position 1", await page.InnerTextAsync("tr:has-text('Kofi Boateng')"), StringComparison.Ordinal);

        await focalPoint.GoToAsync(confirmedPath);
        await focalPoint.ClickAndWaitForAsync(page.Locator("a[href$='/cancel']"), page.Locator("form button[type=submit].primary"));
        await focalPoint.AssertPageIsCleanAsync("catalogue-cancel-enrolment");
        await focalPoint.ClickAndWaitForAsync(page.Locator("form button[type=submit].primary"), page.Locator(".outcome"));
        Assert.Contains("Cancelled", await page.InnerTextAsync("dl.facts"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_focal_point_who_enrols_a_duplicate_participant_is_told_so_on_the_form()
    {
        var session = await setup.SessionAsync(seats: 5);
        var email = $"twice.{Guid.NewGuid():N}@police.gov.gh";
        await using var focalPoint = await BrowserSession.OpenAsync(browser, suite);
        await focalPoint.SignInAsync(DemoUsers.FocalPointGhana);
        await EnrolAsync(focalPoint, session, "Yaw Owusu", email);

        await focalPoint.GoToAsync("/catalogue/" + session.Name + "/enrol");
        await FillEnrolmentAsync(focalPoint.Page, "Yaw Owusu", email);
        await focalPoint.ClickAndWaitForAsync(focalPoint.Page.Locator("button[type=submit].primary"), focalPoint.Page.Locator(".error-summary"));

        await focalPoint.AssertPageIsCleanAsync("catalogue-enrol-duplicate");
        Assert.Contains("This participant is already enrolled in the session.", await focalPoint.Page.InnerTextAsync(".error-summary"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_coordinator_sees_a_sessions_enrolments_records_an_evaluation_and_sees_it_summed_up()
    {
        var session = await setup.SessionAsync(seats: 5);
        await setup.EnrolAsync(session, $"evaluated.{Guid.NewGuid():N}@police.example.org");
        await setup.SetStatusAsync(session, SessionStatus.Completed);
        await using var coordinator = await BrowserSession.OpenAsync(browser, suite);
        await coordinator.SignInAsync(DemoUsers.Coordinator);
        var page = coordinator.Page;

        await coordinator.GoToAsync("/catalogue/" + session.Name);
        // The session page has an evaluate link of its own (experts and hosts): wait for the enrolment's, which only its page has.
        var evaluateEnrolment = page.Locator("a[href*='/enrolments/'][href$='/evaluate']");
        await coordinator.ClickAndWaitForAsync(page.Locator("table.data-table a", new() { HasText = "Ama Mensah" }), evaluateEnrolment);
        await coordinator.ClickAndWaitForAsync(evaluateEnrolment, page.Locator("#field-evaluation-reaction"));
        await coordinator.AssertPageIsCleanAsync("catalogue-evaluate");
        await page.SelectOptionAsync("#field-evaluation-reaction", "4");
        await page.SelectOptionAsync("#field-evaluation-learning", "5");
        await page.FillAsync("#field-evaluation-comments", "Hands-on and relevant.");
        await coordinator.ClickAndWaitForAsync(page.Locator("button[type=submit].primary"), page.Locator("p", new() { HasText = "Evaluations recorded: 1." }));

        await coordinator.AssertPageIsCleanAsync("catalogue-session-evaluated");
        var reaction = await page.InnerTextAsync("tr:has(th:text-is('Reaction'))");
        Assert.Contains("4.00 out of 5", reaction, StringComparison.Ordinal);
        Assert.Contains("Not assessed", await page.InnerTextAsync("tr:has(th:text-is('Behaviour'))"), StringComparison.Ordinal);
        await coordinator.ClickAndWaitForAsync(page.Locator("a[href$='/evaluations']"), page.Locator("td", new() { HasText = "Hands-on and relevant." }));
        await coordinator.AssertPageIsCleanAsync("catalogue-evaluations");
    }

    [Fact]
    public async Task A_coordinator_edits_a_session_and_is_told_when_someone_changed_it_in_between()
    {
        var session = await setup.SessionAsync(seats: 5);
        await using var coordinator = await BrowserSession.OpenAsync(browser, suite);
        await coordinator.SignInAsync(DemoUsers.Coordinator);
        var page = coordinator.Page;

        await coordinator.GoToAsync("/catalogue/" + session.Name + "/edit");
        await coordinator.AssertPageIsCleanAsync("catalogue-edit-session");
        await page.FillAsync("#field-session-location", "Nairobi, National Police Service College");
        await coordinator.ClickAndWaitForAsync(page.Locator("button[type=submit].primary"), page.Locator("dl.facts", new() { HasText = "Nairobi, National Police Service College" }));

        await coordinator.GoToAsync("/catalogue/" + session.Name + "/edit");
        await new TrainingService.TrainingServiceClient(suite.Gateway).UpdateSessionAsync(new UpdateSessionRequest
        {
            Session = new Session { Name = session.Name, Location = "Online" },
            UpdateMask = new() { Paths = { "location" } },
        });
        await page.FillAsync("#field-session-location", "Mombasa");
        await coordinator.ClickAndWaitForAsync(page.Locator("button[type=submit].primary"), page.Locator(".error-summary"));

        Assert.Contains("Someone changed this in the meantime.", await page.InnerTextAsync(".error-summary"), StringComparison.Ordinal);
        var stored = await new TrainingService.TrainingServiceClient(suite.Gateway).GetSessionAsync(new GetSessionRequest { Name = session.Name });
        Assert.Equal("Online", stored.Session.Location);
    }

    private static async Task EnrolAsync(BrowserSession focalPoint, Session session, string participant, string email)
    {
        var page = focalPoint.Page;
        await focalPoint.GoToAsync("/catalogue/" + session.Name);
        await focalPoint.ClickAndWaitForAsync(page.Locator("a[href$='/enrol']"), page.Locator("#field-enrolment-participant_name"));
        await FillEnrolmentAsync(page, participant, email);
        await focalPoint.ClickAndWaitForAsync(page.Locator("button[type=submit].primary"), page.Locator(".outcome"));
    }

    private static async Task FillEnrolmentAsync(IPage page, string participant, string email)
    {
        await page.FillAsync("#field-enrolment-participant_name", participant);
        await page.FillAsync("#field-enrolment-email", email);
        await page.FillAsync("#field-enrolment-institution", "Ghana Police Service, Cybercrime Unit");
    }
}

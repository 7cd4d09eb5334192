using System.Globalization;
using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.Tests.Delivery;
using CapacityBuilding.Tests.Infrastructure;
using CapacityBuilding.Tests.Portal.Browser;
using Google.Type;

namespace CapacityBuilding.Tests.Portal.Delivery;

/// <summary>
/// Delivery and results in a browser, through the gateway, against the real suite: a coordinator
/// plans an event for a request with a matched expert, confirms it and records it as delivered; the
/// requesting state's focal point records an actual of an outcome on the request's page and
/// evaluates the delivered event; another country's focal point never sees the event; the focal
/// point consents to publication withholding parts and withdraws, and a coordinator marks the
/// request security-sensitive, after which its state is offered no consent. Each page reached is checked (axe, strings) and
/// photographed.
/// </summary>
[Collection(SuiteDefinition.Name)]
public sealed class DeliveryFlowTests(SuiteFixture suite, BrowserFixture browser)
{
    private readonly DeliverySetup setup = new(suite);

    [Fact]
    public async Task A_coordinator_plans_an_event_with_a_matched_expert_confirms_it_and_records_it_as_delivered()
    {
        var request = await setup.RequestAsync("GHA");
        var expert = await setup.ExpertAsync(expert =>
        {
            expert.ThematicAreas.Clear();
            expert.ThematicAreas.Add(request.ThematicAreas);
        });
        var title = SampleData.UniqueTitle("Portal workshop");
        await using var coordinator = await BrowserSession.SignedInAsync(browser, suite, DemoUsers.Coordinator);
        var page = coordinator.Page;

        await coordinator.GoToAsync("/" + request.Name);
        await coordinator.ClickAndWaitForAsync(page.Locator("a[href^='/delivery/events/new']"), page.Locator("#field-delivery_event-title"));
        await coordinator.AssertPageIsCleanAsync("delivery-plan-event");
        await page.SelectOptionAsync("#field-delivery_event-kind", "Workshop");
        await page.FillAsync("#field-delivery_event-title", title);
        await page.FillAsync("#field-delivery_event-host_institution", "Ghana Police Service");
        await page.FillAsync("#field-delivery_event-start_date", Input(DeliverySetup.LastYear.AddDays(40)));
        await page.FillAsync("#field-delivery_event-end_date", Input(DeliverySetup.LastYear.AddDays(42)));
        await page.FillAsync("#field-delivery_event-location", "Accra, Police Academy");
        await page.CheckAsync($"input[name='Plan.Experts'][value='{expert.Name}']");
        await coordinator.ClickAndWaitForAsync(page.Locator("button[type=submit].primary"), page.Locator("h1", new() { HasText = title }));
        Assert.Contains(expert.DisplayName, await page.InnerTextAsync("dl.event-details"), StringComparison.Ordinal);
        Assert.Contains("Planned", await page.InnerTextAsync("dl.event-details"), StringComparison.Ordinal);

        await coordinator.ClickAndWaitForAsync(page.Locator("button[value=confirm]"), page.Locator("button[value=deliver]"));
        await coordinator.AssertPageIsCleanAsync("delivery-event-confirmed");
        await coordinator.ClickAndWaitForAsync(page.Locator("button[value=deliver]"), page.Locator("dd", new() { HasText = "Delivered" }));
        await coordinator.AssertPageIsCleanAsync("delivery-event-delivered");

        await coordinator.GoToAsync("/" + request.Name);
        Assert.Contains(title, await page.InnerTextAsync("table.event-table"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_focal_point_records_an_actual_and_evaluates_the_event_that_another_countrys_focal_point_never_sees()
    {
        var expert = await setup.ExpertAsync();
        var delivered = await setup.DeliveredEventAsync("GHA", expert.Name);
        var assistance = new AssistanceService.AssistanceServiceClient(suite.Gateway);
        await assistance.CreateOutcomeAsync(new CreateOutcomeRequest { Parent = delivered.AssistanceRequest, Outcome = Outcome() });
        await using var focalPoint = await BrowserSession.SignedInAsync(browser, suite, DemoUsers.FocalPointGhana);
        var page = focalPoint.Page;

        await focalPoint.GoToAsync("/" + delivered.AssistanceRequest);
        await page.FillAsync("#field-actual-value", "14");
        await page.FillAsync("#field-actual-date", Input(DateOnly.FromDateTime(System.DateTime.UtcNow).AddDays(-1)));
        await focalPoint.ClickAndWaitForAsync(page.Locator("form[aria-labelledby=actual-form-title] button[type=submit]"), page.Locator("table.outcome-table li", new() { HasText = "14" }));
        await focalPoint.AssertPageIsCleanAsync("results-actual-recorded");
        Assert.Contains(delivered.Title, await page.InnerTextAsync("table.event-table"), StringComparison.Ordinal);

        await focalPoint.GoToAsync("/delivery/" + delivered.Name + "/evaluate?as=Participant");
        await focalPoint.AssertPageIsCleanAsync("delivery-evaluate");
        await page.SelectOptionAsync("#field-evaluation-reaction", "5");
        await page.SelectOptionAsync("#field-evaluation-learning", "4");
        await focalPoint.ClickAndWaitForAsync(page.Locator("button[type=submit].primary"), page.Locator("table.data-table th", new() { HasText = "Participants" }));
        await focalPoint.AssertPageIsCleanAsync("delivery-evaluations");

        await using var otherCountry = await BrowserSession.SignedInAsync(browser, suite, DemoUsers.FocalPointKenya);
        var response = await otherCountry.Page.GotoAsync("/delivery/" + delivered.Name);
        Assert.Equal(404, response?.Status);
        await otherCountry.FollowNavigationAsync("/delivery/events");
        // Enhanced navigation changes the address before it patches the page in: wait for the list itself.
        await otherCountry.Page.Locator("main h1", new() { HasText = "Delivery events" }).WaitForAsync();
        Assert.DoesNotContain(delivered.Name, await otherCountry.Page.ContentAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_requesting_states_focal_point_consents_to_publication_and_withdraws_it()
    {
        var request = await setup.RequestAsync("GHA");
        await using var focalPoint = await BrowserSession.SignedInAsync(browser, suite, DemoUsers.FocalPointGhana);
        var page = focalPoint.Page;
        await focalPoint.GoToAsync("/" + request.Name);
        Assert.Contains("has not consented", await page.InnerTextAsync(".publication-consent"), StringComparison.Ordinal);

        await page.CheckAsync(".publication-consent input[name='Decision.WithheldFields'][value='Budget']");
        await page.CheckAsync(".publication-consent input[name='Decision.WithheldFields'][value='Results']");
        await focalPoint.ClickAndWaitForAsync(page.Locator(".publication-consent button[value=true]"), page.Locator(".publication-consent p", new() { HasText = "consented to publication on" }));
        await focalPoint.AssertPageIsCleanAsync("publication-consented");
        Assert.Equal("Withheld from publication: Budget, Results.", await page.InnerTextAsync(".withheld-parts"));
        Assert.True(await page.IsCheckedAsync(".publication-consent input[name='Decision.WithheldFields'][value='Budget']"));
        await focalPoint.ClickAndWaitForAsync(page.Locator(".publication-consent button[value=false]"), page.Locator(".publication-consent p", new() { HasText = "withdrew" }));

        await using var coordinator = await BrowserSession.SignedInAsync(browser, suite, DemoUsers.Coordinator);
        await coordinator.GoToAsync("/" + request.Name);
        Assert.Equal(0, await coordinator.Page.Locator(".publication-consent form").CountAsync());
        Assert.Contains("withdrew", await coordinator.Page.InnerTextAsync(".publication-consent"), StringComparison.Ordinal);
        await coordinator.Page.FillAsync("#security-marking-reason", "Names an ongoing investigation");
        await coordinator.ClickAndWaitForAsync(coordinator.Page.Locator(".security-marking button[type=submit]"), coordinator.Page.Locator(".security-sensitive"));
        await coordinator.AssertPageIsCleanAsync("security-marked");

        await focalPoint.GoToAsync("/" + request.Name);
        Assert.Equal(0, await page.Locator(".publication-consent button[value=true]").CountAsync());
        Assert.Contains("never published", await page.InnerTextAsync(".publication-consent"), StringComparison.Ordinal);
    }

    private static string Input(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static Date Day(DateOnly day) => DeliverySetup.Day(day);

    private static Outcome Outcome() => new()
    {
        Statement = "Investigators seize and preserve electronic evidence that courts admit.",
        Indicators =
        {
            new Indicator
            {
                Title = "Investigators certified",
                Measure = Indicator.Types.Measure.Unit,
                Unit = "investigators",
                Baseline = new IndicatorValue { Value = 3, Date = Day(DeliverySetup.LastYear) },
                Target = new IndicatorValue { Value = 20, Date = Day(DeliverySetup.LastYear.AddYears(3)) },
            },
        },
    };
}

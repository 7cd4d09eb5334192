using CapacityBuilding.Tests.Assistance;
using CapacityBuilding.Tests.Infrastructure;
using CapacityBuilding.Tests.Portal.Browser;
using State = CapacityBuilding.Contracts.Assistance.V1.AssistanceRequest.Types.State;

namespace CapacityBuilding.Tests.Portal.Requests;

/// <summary>
/// A coordinator suspends a request from its page with a reason (refused without one) and resumes
/// it; the requesting state's focal point sees the suspension and its reason on the timeline, and
/// may not open the suspension page. Each page reached is checked (axe, strings) and photographed.
/// </summary>
[Collection(SuiteDefinition.Name)]
public sealed class SuspensionFlowTests(SuiteFixture suite, BrowserFixture browser)
{
    private readonly RequestLifecycleDriver driver = new(RequestLifecycleDriver.Coordinator(suite, "portal-suspension-coordinator"));

    [Fact]
    public async Task A_coordinator_suspends_with_a_reason_the_focal_point_sees_it_on_the_timeline_and_the_coordinator_resumes_it()
    {
        var request = await driver.CreateInStateAsync(State.Approved,
            RequestLifecycleDriver.CompleteRequest("GHA", $"Portal suspension {Guid.NewGuid():N}"));
        const string reason = "Security situation: missions to the region are paused.";
        var suspensionLink = $".request-actions a[href='/{request.Name}/suspension']";
        await using var coordinator = await BrowserSession.OpenAsync(browser, suite);
        await coordinator.SignInAsync(DemoUsers.Coordinator);
        await coordinator.GoToAsync(RequestPageOf.Detail(request.Name));

        await coordinator.ClickAndWaitForAsync(coordinator.Page.Locator(suspensionLink), coordinator.Page.Locator("#field-reason"));
        await coordinator.AssertPageIsCleanAsync("requests-suspend");
        await coordinator.ClickAndWaitForAsync(coordinator.Page.Locator("button.primary"), coordinator.Page.Locator("#field-reason-message"));
        Assert.Equal("true", await coordinator.Page.Locator("#field-reason").GetAttributeAsync("aria-invalid"));
        await coordinator.Page.Locator("#field-reason").FillAsync(reason);
        await coordinator.ClickAndWaitForAsync(coordinator.Page.Locator("button.primary"), coordinator.Page.Locator(".request-state .status-suspended"));
        await coordinator.AssertPageIsCleanAsync("requests-detail-suspended");

        await using var ghana = await BrowserSession.OpenAsync(browser, suite);
        await ghana.SignInAsync(DemoUsers.FocalPointGhana);
        await ghana.GoToAsync(RequestPageOf.Detail(request.Name));
        var timeline = await ghana.Page.Locator(".timeline").InnerTextAsync();
        Assert.Equal(1, await ghana.Page.Locator(".request-state .status-suspended").CountAsync());
        Assert.Contains(reason, timeline, StringComparison.Ordinal);
        Assert.Contains("Suspended", timeline, StringComparison.Ordinal);
        Assert.Equal(0, await ghana.Page.Locator(suspensionLink).CountAsync());
        Assert.Equal(403, (await ghana.Page.GotoAsync(RequestPageOf.Detail(request.Name) + "/suspension"))?.Status);

        await coordinator.ClickAndWaitForAsync(coordinator.Page.Locator(suspensionLink), coordinator.Page.Locator("#field-reason"));
        await coordinator.AssertPageIsCleanAsync("requests-resume");
        await coordinator.ClickAndWaitForAsync(coordinator.Page.Locator("button.primary"), coordinator.Page.Locator(".request-state .status-approved"));
        Assert.Contains("Resumed", await coordinator.Page.Locator(".timeline").InnerTextAsync(), StringComparison.Ordinal);
    }
}

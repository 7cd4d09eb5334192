using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.Tests.Infrastructure;
using CapacityBuilding.Tests.Portal.Browser;
using Microsoft.Playwright;
using Status = CapacityBuilding.Contracts.Assistance.V1.ConventionStatus.Types.Status;

namespace CapacityBuilding.Tests.Portal.Convention;

/// <summary>
/// The Convention statuses in a browser: a coordinator sets a state's status, the service's
/// refusal of dates that do not fit it shown next to the field first; a focal point reads the
/// list and is offered no edit.
/// </summary>
[Collection(SuiteDefinition.Name)]
public sealed class ConventionStatusFlowTests(SuiteFixture suite, BrowserFixture browser)
{
    // A state no other test sets a status for.
    private const string Country = "URY";

    [Fact]
    public async Task A_coordinator_sets_a_states_status_after_the_services_refusal_and_a_focal_point_reads_it_without_an_edit()
    {
        await using var coordinator = await BrowserSession.SignedInAsync(browser, suite, DemoUsers.Coordinator);
        await coordinator.GoToAsync("/convention-statuses/edit?country=" + Country);
        await coordinator.Page.GetByLabel("Status").SelectOptionAsync(nameof(Status.Party));
        await coordinator.ClickAndWaitForAsync(SaveButton(coordinator), coordinator.Page.Locator(".error-summary"));
        Assert.Equal(1, await coordinator.Page.Locator("[aria-invalid=true]").CountAsync());
        await coordinator.AssertPageIsCleanAsync("/convention-status-refused");

        await coordinator.Page.GetByLabel("Status").SelectOptionAsync(nameof(Status.Signatory));
        await coordinator.Page.GetByLabel("Signed on").FillAsync("2025-10-25");
        await coordinator.Page.GetByLabel("Source").FillAsync("Depositary notification (test)");
        await coordinator.ClickAndWaitForAsync(SaveButton(coordinator), coordinator.Page.Locator(".notice-success"));

        var stored = (await new AssistanceService.AssistanceServiceClient(suite.Gateway)
            .GetConventionStatusAsync(new GetConventionStatusRequest { Name = "conventionStatuses/" + Country })).ConventionStatus;
        Assert.Equal((Status.Signatory, 2025, "Depositary notification (test)"), (stored.Status, stored.SignatureDate.Year, stored.Source));

        await using var focalPoint = await BrowserSession.SignedInAsync(browser, suite, DemoUsers.FocalPointGhana);
        await focalPoint.FollowNavigationAsync("/convention-statuses");
        var row = focalPoint.Page.Locator("tr", new() { Has = focalPoint.Page.GetByRole(AriaRole.Rowheader, new() { Name = "Uruguay" }) });
        Assert.Contains("Signatory", await row.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await focalPoint.Page.Locator("a[href*='convention-statuses/edit']").CountAsync());
        await focalPoint.AssertPageIsCleanAsync("/convention-statuses-focal-point");
    }

    private static ILocator SaveButton(BrowserSession session) => session.Page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true });
}

using CapacityBuilding.Contracts.Funding.V1;
using CapacityBuilding.Tests.Funding;
using CapacityBuilding.Tests.Infrastructure;
using CapacityBuilding.Tests.Portal.Browser;
using Google.Type;
using Microsoft.Playwright;

namespace CapacityBuilding.Tests.Portal.Funding;

/// <summary>
/// The funding pages of the backend's other steps, in a browser against the real suite: a
/// coordinator commits a pledge and cancels it, each after a confirmation page, and is shown the
/// service's refusals (money still allocated, a pledge changed meanwhile) without anything decided;
/// loads exchange rates typed in their language and sees them in the table, with lines it cannot
/// read and the service's violations next to the box; and coordinators and auditors download the
/// IATI activities file, which a focal point may not.
/// </summary>
[Collection(SuiteDefinition.Name)]
public sealed class FundingDecisionFlowTests(SuiteFixture suite, BrowserFixture browser)
{
    [Fact]
    public async Task A_coordinator_commits_a_pledge_and_cancels_it_once_nothing_holds_its_money_confirming_each_step()
    {
        var scenario = new FundingScenario(suite);
        var pledge = await scenario.PledgeAsync(new Money { CurrencyCode = "USD", Units = 1_000 }, committed: false);
        await using var coordinator = await BrowserSession.SignedInAsync(browser, suite, DemoUsers.Coordinator);
        var page = coordinator.Page;

        await coordinator.GoToAsync("/funding/" + pledge.Name);
        await coordinator.ClickAndWaitForAsync(page.GetByRole(AriaRole.Link, new() { Name = "Commit this pledge" }), Button(page, "Commit the pledge"));
        await coordinator.AssertPageIsCleanAsync("funding-pledge-commit");
        Assert.Equal(Pledge.Types.State.Pledged, (await StoredAsync(scenario, pledge)).State);
        await coordinator.ClickAndWaitForAsync(Button(page, "Commit the pledge"), page.Locator("dd", new() { HasText = "Committed" }));
        Assert.Equal(Pledge.Types.State.Committed, (await StoredAsync(scenario, pledge)).State);
        Assert.Equal(0, await page.GetByRole(AriaRole.Link, new() { Name = "Commit this pledge" }).CountAsync());

        var request = await scenario.RequestAsync();
        var allocation = (await scenario.Funding.CreateAllocationAsync(FundingScenario.Allocation(pledge, request, new Money { CurrencyCode = "USD", Units = 100 }))).Allocation;
        await coordinator.GoToAsync("/funding/" + pledge.Name);
        await coordinator.ClickAndWaitForAsync(page.GetByRole(AriaRole.Link, new() { Name = "Cancel this pledge" }), Button(page, "Cancel the pledge"));
        await coordinator.AssertPageIsCleanAsync("funding-pledge-cancel");
        await coordinator.ClickAndWaitForAsync(Button(page, "Cancel the pledge"), page.Locator(".error-summary"));
        Assert.Contains("Allocations still hold money from this pledge", await page.InnerTextAsync(".error-summary"), StringComparison.Ordinal);
        await coordinator.AssertPageIsCleanAsync("funding-pledge-cancel-refused");
        Assert.Equal(Pledge.Types.State.Committed, (await StoredAsync(scenario, pledge)).State);

        // Releasing the allocation changes the pledge after the page was shown: the first press is
        // refused as stale, and the page then shows the pledge as it is, ready to be cancelled.
        await scenario.Funding.ReleaseAllocationAsync(new ReleaseAllocationRequest { Name = allocation.Name });
        await coordinator.ClickAndWaitForAsync(Button(page, "Cancel the pledge"), page.Locator(".error-summary", new() { HasText = "Someone changed this in the meantime" }));
        Assert.Equal(Pledge.Types.State.Committed, (await StoredAsync(scenario, pledge)).State);
        await coordinator.ClickAndWaitForAsync(Button(page, "Cancel the pledge"), page.Locator("dd", new() { HasText = "Cancelled" }));
        Assert.Equal(Pledge.Types.State.Cancelled, (await StoredAsync(scenario, pledge)).State);
        Assert.Equal(0, await page.GetByRole(AriaRole.Link, new() { Name = "Cancel this pledge" }).CountAsync());
    }

    [Fact]
    public async Task A_coordinator_loads_exchange_rates_typed_in_french_and_is_shown_what_cannot_be_loaded_next_to_the_box()
    {
        await using var coordinator = await BrowserSession.SignedInAsync(browser, suite, DemoUsers.Coordinator);
        await coordinator.SwitchLanguageAsync("fr");
        var page = coordinator.Page;
        await coordinator.FollowNavigationAsync("/funding/exchange-rates");
        await coordinator.AssertPageIsCleanAsync("funding-exchange-rates");
        var box = page.Locator("#field-exchange_rates");
        // A currency no other test converts (Samoan tala), on a day of its own.
        var day = new DateOnly(2001, 1, 1).AddDays(Random.Shared.Next(3_000));
        var line = $"WST {day:yyyy-MM-dd} 0,3712";

        await box.FillAsync(line + "\nnot a rate");
        await coordinator.ClickAndWaitForAsync(Button(page, "Charger des taux de change"), page.Locator("#field-exchange_rates-message"));
        Assert.Equal("Ces lignes ne se lisent pas comme devise, jour et taux : 2.", (await page.InnerTextAsync("#field-exchange_rates-message")).Trim());
        Assert.Equal("true", await box.GetAttributeAsync("aria-invalid"));
        await coordinator.AssertPageIsCleanAsync("funding-exchange-rates-unreadable");

        // The service's violation names the item (exchange_rates[1].currency_code); it is shown at the box.
        await box.FillAsync(line + $"\nUSD {day:yyyy-MM-dd} 1");
        await coordinator.ClickAndWaitForAsync(Button(page, "Charger des taux de change"), page.Locator("#field-exchange_rates-message"));
        Assert.StartsWith("Chaque taux demande un code de devise", (await page.InnerTextAsync("#field-exchange_rates-message")).Trim(), StringComparison.Ordinal);
        Assert.Equal(1, await page.Locator(".error-summary a[href$='#field-exchange_rates']").CountAsync());
        await coordinator.AssertPageIsCleanAsync("funding-exchange-rates-refused");

        await box.FillAsync(line);
        await coordinator.ClickAndWaitForAsync(Button(page, "Charger des taux de change"), page.Locator(".outcome"));
        Assert.Equal("Taux chargés : 1.", (await page.InnerTextAsync(".outcome")).Replace('\u00A0', ' '));
        await page.GetByLabel("Devise").FillAsync("WST");
        await coordinator.SubmitQueryFormAsync(Button(page, "Afficher les taux"), "currency=WST");
        var row = page.Locator("table.data-table tbody tr", new() { HasText = day.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal("0,3712", await row.Locator("td.number").InnerTextAsync());
    }

    [Fact]
    public async Task Coordinators_and_auditors_download_the_IATI_activities_file_and_a_focal_point_may_not()
    {
        // At least one funded request its state consents to publish, so the file's first page (newest
        // allocations first) has an activity whatever ran before.
        var scenario = new FundingScenario(suite);
        var request = await scenario.ConsentToPublishAsync(await scenario.RequestAsync());
        await scenario.Funding.CreateAllocationAsync(FundingScenario.Allocation(await scenario.PledgeAsync(1_000), request, new Money { CurrencyCode = "USD", Units = 100 }));
        foreach (var user in new[] { DemoUsers.Coordinator, DemoUsers.Auditor })
        {
            await using var session = await BrowserSession.SignedInAsync(browser, suite, user);
            await session.FollowNavigationAsync("/funding/iati");
            await session.AssertPageIsCleanAsync("funding-iati");
            var download = await session.Page.RunAndWaitForDownloadAsync(() => session.Page.GetByRole(AriaRole.Link, new() { Name = "Download the IATI activities file" }).ClickAsync());

            Assert.Equal("iati-activities.xml", download.SuggestedFilename);
            var xml = await File.ReadAllTextAsync(await download.PathAsync());
            Assert.Contains("<iati-activities", xml, StringComparison.Ordinal);
        }

        await using var focalPoint = await BrowserSession.SignedInAsync(browser, suite, DemoUsers.FocalPointGhana);
        Assert.Equal(403, (await focalPoint.Page.GotoAsync("/funding/iati/activities.xml"))?.Status);
        Assert.Equal(403, (await focalPoint.Page.GotoAsync("/funding/iati"))?.Status);
    }

    private static ILocator Button(IPage page, string name) => page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    private static async Task<Pledge> StoredAsync(FundingScenario scenario, Pledge pledge) =>
        (await scenario.Funding.GetPledgeAsync(new GetPledgeRequest { Name = pledge.Name })).Pledge;
}

using System.Text.RegularExpressions;
using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.Contracts.Funding.V1;
using CapacityBuilding.Tests.Infrastructure;
using CapacityBuilding.Tests.Portal.Browser;
using Google.Type;
using Microsoft.Playwright;

namespace CapacityBuilding.Tests.Portal.Funding;

/// <summary>
/// The funding pages end to end in a browser: a coordinator allocates from a pledge to an approved
/// request after seeing the pledge's balance and earmarks beside the request, the donor of that
/// pledge then finds the request among those its money funds with the gap the funding service
/// computes, and another donor does not; a refused allocation is shown and moves no money; a
/// refused field is shown next to its field.
/// </summary>
[Collection(SuiteDefinition.Name)]
public sealed partial class FundingFlowTests(SuiteFixture suite, BrowserFixture browser)
{
    private const string OtherDonor = "donor-eu";

    private const string French = "fr";

    [Fact]
    public async Task A_coordinator_allocates_after_seeing_the_balance_and_only_the_donor_of_the_pledge_sees_the_funded_request_with_its_gap()
    {
        await DemoDonors.EnsureAsync(suite);
        await using var donor = await BrowserSession.OpenAsync(browser, suite);
        await donor.SignInAsync(DemoUsers.Donor);
        var donorName = await FundingPagesSetup.DonorOfAsync(donor);
        var request = await ApprovedRequestAsync();
        var pledge = await FundingPagesSetup.PledgeAsync(suite, donorName, 400_000);

        await using var coordinator = await BrowserSession.OpenAsync(browser, suite);
        await coordinator.SignInAsync(DemoUsers.Coordinator);
        await coordinator.GoToAsync("/funding/" + pledge.Name);
        Assert.Equal("USD\u00A0400,000.00", await coordinator.Page.Locator(".remaining-balance").InnerTextAsync());
        await coordinator.AssertPageIsCleanAsync("funding-pledge");

        await coordinator.Page.GetByLabel("Approved request").SelectOptionAsync(request.Name);
        await coordinator.ClickAndWaitForAsync(Button(coordinator, "Review the allocation"), coordinator.Page.GetByLabel("Amount in USD"));
        Assert.Equal("USD\u00A0400,000.00", await coordinator.Page.Locator(".remaining-balance").InnerTextAsync());
        var fit = coordinator.Page.Locator("table.earmark-fit");
        Assert.Contains("Ghana", await fit.Locator("tr", new() { HasText = "Countries" }).Locator("td").First.InnerTextAsync(), StringComparison.Ordinal);
        await coordinator.AssertPageIsCleanAsync("funding-allocate-review");

        await coordinator.Page.GetByLabel("Amount in USD").FillAsync("120,000");
        await coordinator.ClickAndWaitForAsync(Button(coordinator, "Review the allocation"), Button(coordinator, "Confirm the allocation"));
        Assert.Contains("USD\u00A0120,000.00", await coordinator.Page.Locator("section.confirmation").InnerTextAsync(), StringComparison.Ordinal);
        await coordinator.AssertPageIsCleanAsync("funding-allocate-confirm");

        await coordinator.ClickAndWaitForAsync(Button(coordinator, "Confirm the allocation"), coordinator.Page.GetByRole(AriaRole.Heading, new() { Name = "Disbursements" }));
        Assert.Matches(AllocationPath(), new Uri(coordinator.Page.Url).AbsolutePath);
        await coordinator.AssertPageIsCleanAsync("funding-allocation");
        var allocation = Assert.Single((await Funding.ListAllocationsAsync(new ListAllocationsRequest { AssistanceRequest = request.Name })).Allocations);
        Assert.Equal((pledge.Name, 120_000L), (allocation.Pledge, allocation.Amount.Units));

        await donor.GoToAsync("/funding/funded-requests");
        var row = donor.Page.Locator("tr", new() { HasText = request.Title });
        Assert.Equal("USD\u00A060,000.00", await row.Locator("td.funding-gap").InnerTextAsync());
        await donor.AssertPageIsCleanAsync("funding-funded-requests");
        await donor.SwitchLanguageAsync(French);
        Assert.Equal("60 000,00 USD", Spaces().Replace(await row.Locator("td.funding-gap").InnerTextAsync(), " "));
        await donor.AssertPageIsCleanAsync("funding-funded-requests");

        await using var other = await BrowserSession.OpenAsync(browser, suite);
        await other.SignInAsync(OtherDonor);
        await other.GoToAsync("/funding/funded-requests");
        Assert.DoesNotContain(request.Title, await other.Page.InnerTextAsync("main"), StringComparison.Ordinal);
        var foreign = await other.Page.GotoAsync("/funding/" + allocation.Name);
        Assert.Equal(404, foreign?.Status);
    }

    [Fact]
    public async Task An_allocation_beyond_the_pledges_balance_is_refused_with_the_services_reason_and_moves_no_money()
    {
        await DemoDonors.EnsureAsync(suite);
        var donorName = (await Funding.ListDonorsAsync(new ListDonorsRequest { PageSize = 500 })).Donors.First(donor => donor.DisplayName == "Norway").Name;
        var request = await ApprovedRequestAsync();
        var pledge = await FundingPagesSetup.PledgeAsync(suite, donorName, 1_000);

        await using var coordinator = await BrowserSession.OpenAsync(browser, suite);
        await coordinator.SignInAsync(DemoUsers.Coordinator);
        await coordinator.GoToAsync($"/funding/allocate?request={Uri.EscapeDataString(request.Name)}&pledge={Uri.EscapeDataString(pledge.Name)}&amount=5000");
        await coordinator.ClickAndWaitForAsync(Button(coordinator, "Confirm the allocation"), coordinator.Page.Locator(".error-summary"));

        Assert.Contains("less money left", await coordinator.Page.Locator(".error-summary").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("USD\u00A01,000.00", await coordinator.Page.Locator(".remaining-balance").InnerTextAsync());
        await coordinator.AssertPageIsCleanAsync("funding-allocate-refused");
        Assert.Empty((await Funding.ListAllocationsAsync(new ListAllocationsRequest { AssistanceRequest = request.Name })).Allocations);
    }

    [Fact]
    public async Task A_donor_the_service_refuses_shows_its_field_violation_next_to_the_field_and_once_corrected_gets_its_page()
    {
        await using var coordinator = await BrowserSession.OpenAsync(browser, suite);
        await coordinator.SignInAsync(DemoUsers.Coordinator);
        await coordinator.GoToAsync("/funding/donors/new");
        await coordinator.AssertPageIsCleanAsync("funding-donor-new");
        var page = coordinator.Page;
        var name = SampleData.UniqueTitle("Foundation");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync(name);
        await page.GetByLabel("Kind of donor").SelectOptionAsync("Foundation");
        var iati = page.GetByLabel("IATI organisation identifier");
        await iati.FillAsync("not an identifier");

        await coordinator.ClickAndWaitForAsync(Button(coordinator, "Register the donor"), page.Locator("#field-donor-iati_identifier-message"));
        Assert.Equal("true", await iati.GetAttributeAsync("aria-invalid"));
        Assert.Equal(1, await page.Locator(".error-summary a[href$='#field-donor-iati_identifier']").CountAsync());
        await coordinator.AssertPageIsCleanAsync("funding-donor-new-refused");

        await iati.FillAsync("XM-DAC-" + Guid.NewGuid().ToString("N")[..8]);
        await coordinator.ClickAndWaitForAsync(Button(coordinator, "Register the donor"), page.GetByRole(AriaRole.Heading, new() { Name = name, Level = 1 }));
        Assert.Matches(DonorPath(), new Uri(page.Url).AbsolutePath);
        await coordinator.AssertPageIsCleanAsync("funding-donor");
    }

    private FundingService.FundingServiceClient Funding => new(suite.Gateway);

    // A Ghanaian request on electronic evidence, which the pledges of FundingPagesSetup cover.
    private Task<AssistanceRequest> ApprovedRequestAsync() =>
        new Tests.Funding.FundingScenario(suite).RequestAsync(indicativeBudget: new Money { CurrencyCode = "USD", Units = 180_000 });

    private static ILocator Button(BrowserSession session, string name) => session.Page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    [GeneratedRegex(@"^/funding/donors/[^/]+$")]
    private static partial Regex DonorPath();

    [GeneratedRegex(@"^/funding/allocations/[^/]+$")]
    private static partial Regex AllocationPath();

    // French groups digits with a narrow no-break space and puts a no-break space before the code.
    [GeneratedRegex(@"\s", RegexOptions.None)]
    private static partial Regex Spaces();
}

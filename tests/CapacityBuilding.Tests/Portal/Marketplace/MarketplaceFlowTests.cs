using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.Contracts.Common.V1;
using CapacityBuilding.Tests.Assistance;
using CapacityBuilding.Tests.Assistance.Offers;
using CapacityBuilding.Tests.Infrastructure;
using CapacityBuilding.Tests.Portal.Browser;
using CapacityBuilding.Tests.Portal.Funding;
using Google.Type;
using Microsoft.Playwright;
using OfferState = CapacityBuilding.Contracts.Assistance.V1.Offer.Types.State;
using State = CapacityBuilding.Contracts.Assistance.V1.AssistanceRequest.Types.State;

namespace CapacityBuilding.Tests.Portal.Marketplace;

/// <summary>
/// The marketplace pages in a browser against the real suite: the requesting state's focal point
/// accepts one offer and declines another (the missing reason shown next to its field first),
/// another country's focal point reaches neither the request nor its offers, a donor proposes
/// funding from its open needs, and a coordinator approves an overlapping request once it gives
/// the reason the service asks for.
/// </summary>
[Collection(SuiteDefinition.Name)]
public sealed class MarketplaceFlowTests(SuiteFixture suite, BrowserFixture browser)
{
    // A state no other test files requests for, so its only overlaps are this test's.
    private const string OverlapCountry = "BTN";

    [Fact]
    public async Task A_focal_point_accepts_one_offer_and_declines_another_with_a_reason_and_another_country_never_sees_them()
    {
        var scenario = new OfferScenario(suite);
        var request = await scenario.RequestAsync("GHA");
        var seats = await OfferScenario.OfferAsync(scenario.Coordinator(), request, OfferScenario.Seats(await scenario.SessionAsync(10), 2));
        var money = await OfferScenario.OfferAsync(scenario.Coordinator(), request, OfferScenario.Money(await scenario.CommittedPledgeAsync(100_000), 40_000));
        await using var ghana = await SignedInAsync(DemoUsers.FocalPointGhana);

        await ghana.GoToAsync("/" + request.Name);
        var offers = ghana.Page.Locator("section[aria-labelledby=offers-title] tbody tr");
        Assert.Equal(2, await offers.CountAsync());
        Assert.Contains("USD\u00A040,000.00", string.Join("\n", await offers.AllInnerTextsAsync()), StringComparison.Ordinal);
        await ghana.AssertPageIsCleanAsync("/request-with-offers");

        await ghana.GoToAsync("/" + seats.Name);
        await ghana.AssertPageIsCleanAsync("/offer-open");
        await ghana.ClickAndWaitForAsync(Button(ghana, "Accept the offer"), ghana.Page.Locator(".notice-success"));
        Assert.Equal(OfferState.Accepted, (await scenario.GetAsync(seats)).State);

        await ghana.GoToAsync("/" + money.Name);
        await ghana.ClickAndWaitForAsync(Button(ghana, "Decline the offer"), ghana.Page.Locator(".error-summary"));
        var reason = ghana.Page.Locator("#decline-reason");
        Assert.Equal("true", await reason.GetAttributeAsync("aria-invalid"));
        Assert.EndsWith("#decline-reason", await ghana.Page.Locator(".error-summary a").GetAttributeAsync("href"), StringComparison.Ordinal);
        await ghana.AssertPageIsCleanAsync("/offer-decline-refused");
        Assert.Equal(OfferState.Open, (await scenario.GetAsync(money)).State);

        await reason.FillAsync("The national budget already covers the laboratory.");
        await ghana.ClickAndWaitForAsync(Button(ghana, "Decline the offer"), ghana.Page.Locator(".notice-success"));
        var declined = await scenario.GetAsync(money);
        Assert.Equal((OfferState.Declined, "The national budget already covers the laboratory."), (declined.State, declined.AnswerReason));
        Assert.Contains("The national budget already covers the laboratory.", string.Join("\n", await offers.AllInnerTextsAsync()), StringComparison.Ordinal);
        await ghana.AssertPageIsCleanAsync("/request-offers-answered");

        await using var kenya = await SignedInAsync(DemoUsers.FocalPointKenya);
        foreach (var path in new[] { "/" + request.Name, "/" + seats.Name, "/" + money.Name })
        {
            var response = await kenya.Page.GotoAsync(path);
            Assert.Equal(404, response?.Status);
            Assert.Equal(0, await kenya.Page.Locator("section[aria-labelledby=offers-title]").CountAsync());
        }
    }

    [Fact]
    public async Task A_donor_proposes_funding_from_its_open_needs_and_the_offer_holds_its_money()
    {
        await DemoDonors.EnsureAsync(suite);
        await using var donor = await SignedInAsync(DemoUsers.Donor);
        var pledge = await FundingPagesSetup.PledgeAsync(suite, await FundingPagesSetup.DonorOfAsync(donor), 300_000);
        var scenario = new OfferScenario(suite);
        var request = await scenario.Funding.RequestAsync("GHA", [ThematicArea.ElectronicEvidence], indicativeBudget: new Money { CurrencyCode = "USD", Units = 80_000 });

        await donor.FollowNavigationAsync("/funding/open-needs");
        await donor.AssertPageIsCleanAsync("/funding/open-needs");
        var propose = donor.Page.Locator($"a[href='{ProposalPath(request, pledge.Name)}']");
        while (await propose.CountAsync() == 0)
        {
            var next = donor.Page.Locator("nav.pager a", new() { HasText = "Next page" });
            Assert.True(await next.CountAsync() == 1, $"{request.Name} is not among the donor's open needs.");
            await donor.FollowLinkAsync(next);
        }

        // A need names a request the donor does not fund yet, whose page would answer "not found" to it.
        Assert.Equal(0, await donor.Page.Locator($"a[href='/{request.Name}']").CountAsync());
        await donor.ClickAndWaitForAsync(propose, donor.Page.GetByLabel("Amount"));
        Assert.Equal(pledge.Name, await donor.Page.GetByLabel("Pledge").InputValueAsync());
        await donor.AssertPageIsCleanAsync("/offer-new-donor");
        await donor.Page.GetByLabel("Amount").FillAsync("40,000");
        await donor.ClickAndWaitForAsync(Button(donor, "Make the offer"), donor.Page.Locator(".notice-success"));
        await donor.AssertPageIsCleanAsync("/offer-proposed");

        // The page the portal sent the donor to names the offer it made: this request's, and no other.
        var made = new Uri(donor.Page.Url).AbsolutePath.TrimStart('/');
        Assert.StartsWith(request.Name + "/offers/", made, StringComparison.Ordinal);
        var offer = (await scenario.Coordinator().GetOfferAsync(new GetOfferRequest { Name = made })).Offer;
        Assert.Equal((OfferState.Open, pledge.Name, 40_000L), (offer.State, offer.FundingPackage.Pledge, offer.FundingPackage.Amount.Units));
        Assert.Equal([made], (await scenario.Coordinator().ListOffersAsync(new ListOffersRequest { Parent = request.Name })).Offers.Select(listed => listed.Name));
        Assert.Equal(260_000L, await scenario.RemainingAsync(pledge));
    }

    [Fact]
    public async Task A_coordinators_offer_of_more_seats_than_are_free_is_refused_in_the_readers_language_and_one_that_fits_can_be_withdrawn()
    {
        var scenario = new OfferScenario(suite);
        var request = await scenario.RequestAsync("GHA");
        var session = await scenario.SessionAsync(3);
        await using var coordinator = await SignedInAsync(DemoUsers.Coordinator);
        await coordinator.SwitchLanguageAsync("fr");

        await coordinator.GoToAsync(NewOfferPath(request));
        await coordinator.Page.GetByLabel("Session", new() { Exact = true }).FillAsync(session.Name);
        await coordinator.Page.GetByLabel("Nombre de places").FillAsync("5");
        await coordinator.ClickAndWaitForAsync(Button(coordinator, "Faire l’offre"), coordinator.Page.Locator(".error-summary"));
        Assert.Contains("La session n’a pas assez de places libres.", await coordinator.Page.Locator(".error-summary").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(session.Name, await coordinator.Page.GetByLabel("Session", new() { Exact = true }).InputValueAsync());
        await coordinator.AssertPageIsCleanAsync("/offer-new-refused");
        Assert.Empty((await scenario.Coordinator().ListOffersAsync(new ListOffersRequest { Parent = request.Name })).Offers);

        await coordinator.Page.GetByLabel("Nombre de places").FillAsync("3");
        await coordinator.ClickAndWaitForAsync(Button(coordinator, "Faire l’offre"), coordinator.Page.Locator(".notice-success"));
        await coordinator.Page.Locator("#withdraw-reason").FillAsync("La session est déplacée.");
        await coordinator.ClickAndWaitForAsync(Button(coordinator, "Retirer l’offre"), coordinator.Page.Locator(".notice-success"));
        var offer = Assert.Single((await scenario.Coordinator().ListOffersAsync(new ListOffersRequest { Parent = request.Name })).Offers);
        Assert.Equal((OfferState.Withdrawn, "La session est déplacée."), (offer.State, offer.AnswerReason));
    }

    [Fact]
    public async Task A_coordinator_sees_the_overlaps_and_approves_an_overlapping_request_only_with_a_reason_and_a_budget()
    {
        var coordinator = RequestLifecycleDriver.Coordinator(suite, "portal-overlap-coordinator");
        var driver = new RequestLifecycleDriver(coordinator);
        var approved = await driver.CreateInStateAsync(State.Approved, RequestLifecycleDriver.CompleteRequest(OverlapCountry, SampleData.UniqueTitle("overlap approved")));
        var reviewed = await driver.CreateInStateAsync(State.UnderReview, RequestLifecycleDriver.CompleteRequest(OverlapCountry, SampleData.UniqueTitle("overlap reviewed")));
        await using var session = await SignedInAsync(DemoUsers.Coordinator);

        await session.GoToAsync("/triage/" + reviewed.Name["requests/".Length..]);
        var overlaps = session.Page.Locator("section[aria-labelledby=overlaps-heading]");
        Assert.Equal(1, await overlaps.GetByRole(AriaRole.Link, new() { Name = approved.Title }).CountAsync());
        await session.AssertPageIsCleanAsync("/triage/request-overlapping");

        await session.Page.Locator("textarea[name='Form.Reason']").FillAsync("The national plan ranks it first.");
        await session.ClickAndWaitForAsync(ApproveButton(session), session.Page.Locator(".error-summary"));
        Assert.Contains("overlaps", await session.Page.Locator(".error-summary").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(State.UnderReview, (await coordinator.GetAssistanceRequestAsync(new GetAssistanceRequestRequest { Name = reviewed.Name })).AssistanceRequest.State);

        await session.Page.Locator("textarea[name='Form.OverlapConfirmation']").FillAsync("The earlier request trains judges; this one prosecutors.");
        await session.Page.Locator("input[name='Form.BudgetAmount']").FillAsync("60000");
        await session.ClickAndWaitForAsync(ApproveButton(session), session.Page.Locator(".status-badge.status-approved"));
        await session.AssertPageIsCleanAsync("/triage/request-overlapping-approved");

        var stored = (await coordinator.GetAssistanceRequestAsync(new GetAssistanceRequestRequest { Name = reviewed.Name })).AssistanceRequest;
        Assert.Equal((State.Approved, 60_000L), (stored.State, stored.ApprovedBudget.Units));
        var approval = (await driver.HistoryAsync(reviewed.Name))[^1];
        Assert.Contains("The earlier request trains judges; this one prosecutors.", approval.Reason, StringComparison.Ordinal);
    }

    private static string NewOfferPath(AssistanceRequest request) => $"/{request.Name}/offers/new";

    private static string ProposalPath(AssistanceRequest request, string pledge) => $"/{request.Name}/offers/new?pledge={Uri.EscapeDataString(pledge)}";

    private static ILocator Button(BrowserSession session, string name) => session.Page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    private static ILocator ApproveButton(BrowserSession session) => session.Page.Locator("button[name='Form.Action'][value='Approve']");

    private Task<BrowserSession> SignedInAsync(string demoUser) => BrowserSession.SignedInAsync(browser, suite, demoUser);
}

using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using CapacityBuilding.Contracts.Common.V1;
using CapacityBuilding.Contracts.Funding.V1;
using CapacityBuilding.Tests.Funding;
using CapacityBuilding.Tests.Infrastructure;
using CapacityBuilding.Tests.Portal.Funding;
using Google.Type;

namespace CapacityBuilding.Tests.Portal.Downloads;

/// <summary>
/// The funding lists as spreadsheets: a donor's pledges and allocations (a coordinator's from the
/// donor's page, a donor its own only), an allocation's disbursements, the exchange-rate table with its currency filter and the
/// requests a donor's money funds, each refused to the roles whose pages do not show it.
/// </summary>
[Collection(SuiteDefinition.Name)]
public sealed class FundingListDownloadTests(SuiteFixture suite)
{
    private readonly FundingScenario scenario = new(suite);

    [Fact]
    public async Task A_donors_pledges_are_money_with_currency_and_dates_for_coordinators_and_that_donor_only()
    {
        // A donor of its own name: the signed-in demo donor is found by its name, Norway.
        var donor = (await scenario.DonorAsync(SampleData.UniqueTitle("Download donor"))).Name;
        var pledge = SampleData.Pledge();
        pledge.Amount = new Money { CurrencyCode = "EUR", Units = 1_250, Nanos = 500_000_000 };
        pledge = await scenario.CommittedAsync(new CreatePledgeRequest { Parent = donor, Pledge = pledge });
        var download = "/downloads/pledges.csv?parent=" + Uri.EscapeDataString(donor);
        using var coordinator = new PortalSession(suite.GatewayRestAddress);
        using var signedInCoordinator = await coordinator.SignInAsync("coordinator");
        using var focalPoint = new PortalSession(suite.GatewayRestAddress);
        using var signedInFocalPoint = await focalPoint.SignInAsync("focal-point-gha");
        await DemoDonorExistsAsync(suite);
        using var otherDonor = new PortalSession(suite.GatewayRestAddress);
        using var signedInOtherDonor = await otherDonor.SignInAsync("donor-norway");

        var page = await coordinator.GetPageAsync("/funding/" + donor);
        var csv = await ListDownloadTests.DownloadTextAsync(coordinator, download);
        using var memberState = await focalPoint.GetAsync(download);
        using var notTheirs = await otherDonor.GetAsync(download);

        Assert.Contains($"href=\"{download}\"", page, StringComparison.Ordinal);
        Assert.Equal(
            "\uFEFFAmount,Amount (Currency),Remaining balance,Remaining balance (Currency),State,Valid from,Valid until,Earmarked\r\n"
            + $"1250.5,EUR,1250.5,EUR,Committed,{Day(pledge.ValidFrom)},{Day(pledge.ValidUntil)},No\r\n",
            csv);
        Assert.Equal(HttpStatusCode.Forbidden, memberState.StatusCode);
        // The funding service finds no other donor's pledges for a donor, and says so before the file begins.
        Assert.Equal(HttpStatusCode.NotFound, notTheirs.StatusCode);
    }

    [Fact]
    public async Task A_donor_downloads_its_own_pledges_from_its_funding_page()
    {
        await DemoDonorExistsAsync(suite);
        using var donor = new PortalSession(suite.GatewayRestAddress);
        using var signedIn = await donor.SignInAsync("donor-norway");
        var ownDonor = await OwnDonorAsync(donor);
        var pledge = await FundingPagesSetup.PledgeAsync(suite, ownDonor, 321);
        var download = "/downloads/pledges.csv?parent=" + Uri.EscapeDataString(ownDonor);

        var page = await donor.GetPageAsync("/funding/mine");
        var csv = await ListDownloadTests.DownloadTextAsync(donor, download);

        Assert.Contains($"href=\"{download}\"", page, StringComparison.Ordinal);
        Assert.Contains($"\r\n321,USD,321,USD,Committed,{Day(pledge.ValidFrom)},{Day(pledge.ValidUntil)},Yes\r\n", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exchange_rates_are_the_filtered_currencys_with_days_as_dates_and_never_for_member_states()
    {
        // A day of the past no other test loads rates for, so the rows are this test's.
        var random = new Random();
        var day = new Date { Year = 1985 + random.Next(15), Month = 1 + random.Next(12), Day = 1 + random.Next(28) };
        await scenario.Funding.LoadExchangeRatesAsync(new LoadExchangeRatesRequest
        {
            ExchangeRates =
            {
                new ExchangeRate { CurrencyCode = "BTN", EffectiveDate = day, Rate = new Money { CurrencyCode = "USD", Nanos = 12_300_000 } },
                new ExchangeRate { CurrencyCode = "LAK", EffectiveDate = day, Rate = new Money { CurrencyCode = "USD", Nanos = 50_000 } },
            },
        });
        await DemoDonorExistsAsync(suite);
        using var donor = new PortalSession(suite.GatewayRestAddress);
        using var signedInDonor = await donor.SignInAsync("donor-norway");
        using var focalPoint = new PortalSession(suite.GatewayRestAddress);
        using var signedInFocalPoint = await focalPoint.SignInAsync("focal-point-gha");

        var page = await donor.GetPageAsync("/funding/exchange-rates?currency=btn");
        var csv = await ListDownloadTests.DownloadTextAsync(donor, "/downloads/exchange-rates.csv?currency=btn");
        using var memberState = await focalPoint.GetAsync("/downloads/exchange-rates.xlsx");

        Assert.Contains("href=\"/downloads/exchange-rates.csv?currency=btn\"", page, StringComparison.Ordinal);
        Assert.StartsWith("\uFEFFCurrency,Applies from,Value of one unit in USD,Value of one unit in USD (Currency)\r\n", csv, StringComparison.Ordinal);
        Assert.Contains($"\r\nBTN,{Day(day)},0.0123,USD\r\n", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("LAK", csv, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, memberState.StatusCode);
    }

    [Fact]
    public async Task A_donors_funded_requests_carry_their_funding_in_dollars_and_are_the_donors_only()
    {
        await DemoDonorExistsAsync(suite);
        using var donor = new PortalSession(suite.GatewayRestAddress);
        using var signedInDonor = await donor.SignInAsync("donor-norway");
        using var coordinator = new PortalSession(suite.GatewayRestAddress);
        using var signedInCoordinator = await coordinator.SignInAsync("coordinator");
        var pledge = await FundingPagesSetup.PledgeAsync(suite, await OwnDonorAsync(donor), 500);
        var funded = await scenario.RequestAsync("GHA", [ThematicArea.ElectronicEvidence]);
        var unfunded = await scenario.RequestAsync("GHA", [ThematicArea.ElectronicEvidence]);
        await scenario.Funding.CreateAllocationAsync(FundingScenario.Allocation(pledge, funded, new Money { CurrencyCode = "USD", Units = 40 }));

        var page = await donor.GetPageAsync("/funding/funded-requests");
        var csv = await ListDownloadTests.DownloadTextAsync(donor, "/downloads/funded-requests.csv");
        using var notForCoordinators = await coordinator.GetAsync("/downloads/funded-requests.csv");

        Assert.Contains("href=\"/downloads/funded-requests.csv\"", page, StringComparison.Ordinal);
        Assert.StartsWith("\uFEFFRequest,Country,State,Indicative budget,Indicative budget (Currency),Allocated,Allocated (Currency),", csv, StringComparison.Ordinal);
        Assert.Matches($@"\r\n{Regex.Escape(funded.Title)},Ghana,[^,]+,[\d.]+,USD,40,USD,0,USD,-?[\d.]+,USD\r\n", csv);
        Assert.DoesNotContain(unfunded.Title, csv, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, notForCoordinators.StatusCode);
    }

    [Fact]
    public async Task A_donor_downloads_only_its_own_allocations_and_a_coordinator_a_donors_from_its_page()
    {
        await DemoDonorExistsAsync(suite);
        using var donor = new PortalSession(suite.GatewayRestAddress);
        using var signedInDonor = await donor.SignInAsync("donor-norway");
        using var coordinator = new PortalSession(suite.GatewayRestAddress);
        using var signedInCoordinator = await coordinator.SignInAsync("coordinator");
        using var focalPoint = new PortalSession(suite.GatewayRestAddress);
        using var signedInFocalPoint = await focalPoint.SignInAsync("focal-point-gha");
        var otherDonor = (await scenario.DonorAsync(SampleData.UniqueTitle("Allocations donor"))).Name;
        var ownRequest = await scenario.RequestAsync("GHA", [ThematicArea.ElectronicEvidence]);
        var otherRequest = await scenario.RequestAsync("GHA", [ThematicArea.ElectronicEvidence]);
        var ownPledge = await FundingPagesSetup.PledgeAsync(suite, await OwnDonorAsync(donor), 500);
        var otherPledge = await FundingPagesSetup.PledgeAsync(suite, otherDonor, 500);
        await scenario.Funding.CreateAllocationAsync(FundingScenario.Allocation(ownPledge, ownRequest, new Money { CurrencyCode = "USD", Units = 30 }));
        await scenario.Funding.CreateAllocationAsync(FundingScenario.Allocation(otherPledge, otherRequest, new Money { CurrencyCode = "USD", Units = 70 }));
        var othersDownload = "/downloads/allocations.csv?parent=" + Uri.EscapeDataString(otherDonor);

        var ownPage = await donor.GetPageAsync("/funding/mine");
        var own = await ListDownloadTests.DownloadTextAsync(donor, "/downloads/allocations.csv");
        var askedForAnothers = await ListDownloadTests.DownloadTextAsync(donor, othersDownload);
        var donorPage = await coordinator.GetPageAsync("/funding/" + otherDonor);
        var others = await ListDownloadTests.DownloadTextAsync(coordinator, othersDownload);
        using var memberState = await focalPoint.GetAsync("/downloads/allocations.csv");

        Assert.Contains("href=\"/downloads/allocations.csv\"", ownPage, StringComparison.Ordinal);
        Assert.StartsWith("\uFEFFAmount,Amount (Currency),Request,Country,Disbursed,Disbursed (Currency),State,", own, StringComparison.Ordinal);
        Assert.Matches($@"\r\n30,USD,{Regex.Escape(ownRequest.Name)},Ghana,0,USD,", own);
        Assert.DoesNotContain(otherRequest.Name, own, StringComparison.Ordinal);
        // The funding service lists a donor nothing of another donor's, whatever the address asks for.
        Assert.DoesNotContain(otherRequest.Name, askedForAnothers, StringComparison.Ordinal);
        Assert.DoesNotContain(ownRequest.Name, askedForAnothers, StringComparison.Ordinal);
        Assert.Contains($"href=\"{othersDownload}\"", donorPage, StringComparison.Ordinal);
        Assert.Matches($@"\r\n70,USD,{Regex.Escape(otherRequest.Name)},Ghana,0,USD,", others);
        Assert.DoesNotContain(ownRequest.Name, others, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, memberState.StatusCode);
    }

    [Fact]
    public async Task An_allocations_disbursements_are_dated_money_with_currency_and_never_another_donors()
    {
        var pledge = await FundingPagesSetup.PledgeAsync(suite, (await scenario.DonorAsync(SampleData.UniqueTitle("Disbursing donor"))).Name, 500);
        var request = await scenario.RequestAsync("GHA", [ThematicArea.ElectronicEvidence]);
        var allocation = (await scenario.Funding.CreateAllocationAsync(FundingScenario.Allocation(pledge, request, new Money { CurrencyCode = "USD", Units = 90 }))).Allocation.Name;
        var day = FundingScenario.Today;
        await scenario.Funding.CreateDisbursementAsync(new CreateDisbursementRequest
        {
            Parent = allocation,
            Disbursement = new Disbursement { Amount = new Money { CurrencyCode = "USD", Units = 12, Nanos = 250_000_000 }, DisbursementDate = day, Description = "First tranche" },
        });
        var download = "/downloads/disbursements.csv?parent=" + Uri.EscapeDataString(allocation);
        using var coordinator = new PortalSession(suite.GatewayRestAddress);
        using var signedInCoordinator = await coordinator.SignInAsync("coordinator");
        await DemoDonorExistsAsync(suite);
        using var otherDonor = new PortalSession(suite.GatewayRestAddress);
        using var signedInOtherDonor = await otherDonor.SignInAsync("donor-norway");
        using var focalPoint = new PortalSession(suite.GatewayRestAddress);
        using var signedInFocalPoint = await focalPoint.SignInAsync("focal-point-gha");

        var page = await coordinator.GetPageAsync("/funding/" + allocation);
        var csv = await ListDownloadTests.DownloadTextAsync(coordinator, download);
        using var notTheirs = await otherDonor.GetAsync(download);
        using var memberState = await focalPoint.GetAsync(download);

        Assert.Contains($"href=\"{download}\"", page, StringComparison.Ordinal);
        Assert.Equal($"\uFEFFDate paid,Amount,Amount (Currency),What was paid for\r\n{Day(day)},12.25,USD,First tranche\r\n", csv);
        // The funding service finds no other donor's allocation for a donor, and says so before the file begins.
        Assert.Equal(HttpStatusCode.NotFound, notTheirs.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, memberState.StatusCode);
    }

    /// <summary>
    /// The donor the demo donor signs in as (the first named Norway), made once for the suite as
    /// <see cref="PortalSignInTests"/> makes it: a donor's sign-in fails until it exists.
    /// </summary>
    internal static Task DemoDonorExistsAsync(SuiteFixture suite) =>
        new FundingService.FundingServiceClient(suite.Gateway).CreateDonorAsync(new CreateDonorRequest { Donor = SampleData.Donor(), RequestId = "portal-sign-in-norway" }).ResponseAsync;

    // The donor a signed-in donor acts for, as its funding page links to its record (donors/{donor}).
    private static async Task<string> OwnDonorAsync(PortalSession donor)
    {
        var page = await donor.GetPageAsync("/funding/mine");
        return Regex.Match(page, "class=\"my-donor-record\" href=\"funding/(donors/[^\"]+)\"").Groups[1].Value;
    }

    private static string Day(Date date) => new DateOnly(date.Year, date.Month, date.Day).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

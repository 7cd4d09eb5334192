using System.Globalization;
using System.Net;
using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.Tests.Assistance;
using CapacityBuilding.Tests.Assistance.Offers;
using CapacityBuilding.Tests.Infrastructure;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Date = Google.Type.Date;
using ConventionState = CapacityBuilding.Contracts.Assistance.V1.ConventionStatus.Types.Status;
using State = CapacityBuilding.Contracts.Assistance.V1.AssistanceRequest.Types.State;

namespace CapacityBuilding.Tests.Portal.Downloads;

/// <summary>
/// The assistance lists as spreadsheets: a request's offers, outcomes and history from the
/// request's page (the requesting state's focal point's, never another country's; the history
/// also from its audit page), the audit's list of every request for coordinators, and the
/// Convention statuses for every role (a focal point here).
/// </summary>
[Collection(SuiteDefinition.Name)]
public sealed class RequestListDownloadTests(SuiteFixture suite)
{
    private static readonly string Today = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private readonly RequestLifecycleDriver coordinator = new(RequestLifecycleDriver.Coordinator(suite, "portal-downloads-coordinator"));

    [Fact]
    public async Task A_requests_offers_are_the_requesting_states_with_money_and_dates_and_never_another_countrys()
    {
        var scenario = new OfferScenario(suite);
        var request = await scenario.RequestAsync("GHA");
        var pledge = await scenario.CommittedPledgeAsync(100);
        var offer = await OfferScenario.OfferAsync(scenario.Coordinator(), request, OfferScenario.Money(pledge, 25));
        using var ghana = new PortalSession(suite.GatewayRestAddress);
        using var signedInGhana = await ghana.SignInAsync("focal-point-gha");
        using var kenya = new PortalSession(suite.GatewayRestAddress);
        using var signedInKenya = await kenya.SignInAsync("focal-point-ken");
        var download = "/downloads/offers.csv?parent=" + Uri.EscapeDataString(request.Name);

        var page = await ghana.GetPageAsync("/" + request.Name);
        var csv = await ListDownloadTests.DownloadTextAsync(ghana, download);
        using var anotherCountry = await kenya.GetAsync(download);

        Assert.Contains($"href=\"{download}\"", page, StringComparison.Ordinal);
        Assert.Equal(Offer.Types.State.Open, offer.State);
        var expires = offer.ExpireTime.ToDateTime().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Assert.Equal(
            "\uFEFFWhat is proposed,Session,Number of seats,Pledge,Amount,Amount (Currency),Terms,Proposed by,Made on,Expires,State,Answered on,Reason given\r\n"
            + $"Funding from a committed pledge,,,{pledge.Name},25,USD,{offer.Terms},{offer.Proposer},{Today},{expires},Open: awaiting an answer,,\r\n",
            csv);
        Assert.Equal(HttpStatusCode.NotFound, anotherCountry.StatusCode);
    }

    [Fact]
    public async Task A_requests_outcomes_are_a_row_per_actual_with_numbers_and_dates_and_never_another_countrys()
    {
        var request = await coordinator.CreateInStateAsync(State.InDelivery, RequestLifecycleDriver.CompleteRequest("GHA", SampleData.UniqueTitle("Download outcomes")));
        var unmeasured = RequestLifecycleDriver.Outcome(SampleData.UniqueTitle("Not measured yet"));
        await RequestLifecycleDriver.Coordinator(suite, "portal-downloads-coordinator").CreateOutcomeAsync(new CreateOutcomeRequest { Parent = request.Name, Outcome = unmeasured });
        using var ghana = new PortalSession(suite.GatewayRestAddress);
        using var signedInGhana = await ghana.SignInAsync("focal-point-gha");
        using var kenya = new PortalSession(suite.GatewayRestAddress);
        using var signedInKenya = await kenya.SignInAsync("focal-point-ken");
        var download = "/downloads/outcomes.xlsx?parent=" + Uri.EscapeDataString(request.Name);
        var csvDownload = "/downloads/outcomes.csv?parent=" + Uri.EscapeDataString(request.Name);

        var page = await ghana.GetPageAsync("/" + request.Name);
        var csv = await ListDownloadTests.DownloadTextAsync(ghana, csvDownload);
        var xlsx = await ListDownloadTests.DownloadAsync(ghana, download);
        using var anotherCountry = await kenya.GetAsync(csvDownload);

        Assert.Contains($"href=\"{download}\"", page, StringComparison.Ordinal);
        var indicator = "Investigators certified in electronic evidence handling,A count,investigators,3,2025-01-15,40,2028-12-31";
        Assert.StartsWith(
            "\uFEFFOutcome,Indicator,Measure,Unit,Baseline value,Baseline date,Target value,Target date,Value measured,Date measured,Comment\r\n",
            csv, StringComparison.Ordinal);
        Assert.Contains($"\r\nInvestigators seize and preserve electronic evidence so that courts admit it,{indicator},12,{Today},Certified after the first workshop\r\n", csv, StringComparison.Ordinal);
        Assert.Contains($"\r\n{unmeasured.Statement},{indicator},,,\r\n", csv, StringComparison.Ordinal);
        // In XLSX the values are number cells and the days date cells (serial dates).
        var measured = SheetRows(xlsx).Single(row => row[^1].InnerText == "Certified after the first workshop");
        Assert.All([measured[4], measured[6], measured[8]], cell => Assert.Equal(CellValues.Number, cell.DataType?.Value));
        Assert.Equal(("3", "40", "12"), (measured[4].InnerText, measured[6].InnerText, measured[8].InnerText));
        Assert.Equal(new DateTime(2025, 1, 15), DateTime.FromOADate(double.Parse(measured[5].InnerText, CultureInfo.InvariantCulture)));
        Assert.Equal(HttpStatusCode.NotFound, anotherCountry.StatusCode);
    }

    [Fact]
    public async Task The_audits_list_of_requests_is_every_countrys_for_coordinators_and_not_for_donors()
    {
        var ghana = await coordinator.CreateInStateAsync(State.Submitted, RequestLifecycleDriver.CompleteRequest("GHA", SampleData.UniqueTitle("Download audit Ghana")));
        var kenya = await coordinator.CreateInStateAsync(State.Submitted, RequestLifecycleDriver.CompleteRequest("KEN", SampleData.UniqueTitle("Download audit Kenya")));
        using var auditor = new PortalSession(suite.GatewayRestAddress);
        using var signedInAuditor = await auditor.SignInAsync("auditor");
        await FundingListDownloadTests.DemoDonorExistsAsync(suite);
        using var donor = new PortalSession(suite.GatewayRestAddress);
        using var signedInDonor = await donor.SignInAsync("donor-norway");

        var page = await auditor.GetPageAsync("/audit?state=Submitted");
        var csv = await ListDownloadTests.DownloadTextAsync(auditor, "/downloads/requests.csv?state=Submitted");
        using var notForDonors = await donor.GetAsync("/downloads/requests.csv?state=Submitted");

        Assert.Contains("href=\"/downloads/requests.csv?state=Submitted\"", page, StringComparison.Ordinal);
        Assert.Contains($"\r\n{ghana.Title},Ghana,", csv, StringComparison.Ordinal);
        Assert.Contains($"\r\n{kenya.Title},Kenya,", csv, StringComparison.Ordinal);
        Assert.DoesNotContain(",Draft,", csv, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, notForDonors.StatusCode);
    }

    [Fact]
    public async Task Convention_statuses_are_downloaded_by_every_role_with_dates_as_dates()
    {
        var upsert = ConventionStatusTests.Upsert("TUV", ConventionState.Signatory, signature: new Date { Year = 2025, Month = 10, Day = 25 });
        upsert.ConventionStatus.Source = SampleData.UniqueTitle("Download source");
        await RequestLifecycleDriver.Coordinator(suite, "portal-downloads-coordinator").UpdateConventionStatusAsync(upsert);
        using var focalPoint = new PortalSession(suite.GatewayRestAddress);
        using var signedInFocalPoint = await focalPoint.SignInAsync("focal-point-ken");

        var page = await focalPoint.GetPageAsync("/convention-statuses");
        var csv = await ListDownloadTests.DownloadTextAsync(focalPoint, "/downloads/convention-statuses.csv");

        Assert.Contains("href=\"/downloads/convention-statuses.csv\"", page, StringComparison.Ordinal);
        Assert.StartsWith("\uFEFFState,Status,Signed on,\"Bound on (ratification, acceptance, approval or accession)\",Source\r\n", csv, StringComparison.Ordinal);
        Assert.Contains($"\r\nTuvalu,Signatory,2025-10-25,,{upsert.ConventionStatus.Source}\r\n", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_requests_history_is_every_entry_with_its_actor_and_reason_and_never_another_countrys()
    {
        var request = await coordinator.CreateInStateAsync(State.Submitted, RequestLifecycleDriver.CompleteRequest("GHA", SampleData.UniqueTitle("Download history")));
        using var ghana = new PortalSession(suite.GatewayRestAddress);
        using var signedInGhana = await ghana.SignInAsync("focal-point-gha");
        using var kenya = new PortalSession(suite.GatewayRestAddress);
        using var signedInKenya = await kenya.SignInAsync("focal-point-ken");
        using var auditor = new PortalSession(suite.GatewayRestAddress);
        using var signedInAuditor = await auditor.SignInAsync("auditor");
        await FundingListDownloadTests.DemoDonorExistsAsync(suite);
        using var donor = new PortalSession(suite.GatewayRestAddress);
        using var signedInDonor = await donor.SignInAsync("donor-norway");
        var download = "/downloads/history.csv?parent=" + Uri.EscapeDataString(request.Name);

        var page = await ghana.GetPageAsync("/" + request.Name);
        var auditPage = await auditor.GetPageAsync("/audit/" + request.Name);
        var csv = await ListDownloadTests.DownloadTextAsync(ghana, download);
        using var anotherCountry = await kenya.GetAsync(download);
        using var notForDonors = await donor.GetAsync(download);

        Assert.Contains($"href=\"{download}\"", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"{download}\"", auditPage, StringComparison.Ordinal);
        Assert.StartsWith("\uFEFFEntry,When,By,Action,State,Reason,Hash\r\n", csv, StringComparison.Ordinal);
        Assert.Matches($@"\r\n1,{Today},[^,\r]+,Created,Draft,,[^,\r]+\r\n", csv);
        // The driver gives every action this reason.
        Assert.Matches($@"\r\n2,{Today},[^,\r]+,Submitted,Draft → Submitted,because the test says so,[^,\r]+\r\n", csv);
        Assert.Equal(HttpStatusCode.NotFound, anotherCountry.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, notForDonors.StatusCode);
    }

    private static List<List<Cell>> SheetRows(byte[] xlsx)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(xlsx), isEditable: false);
        return [.. document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>().Select(row => row.Elements<Cell>().ToList())];
    }
}

using System.Net;
using System.Text;
using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.Tests.Assistance;
using CapacityBuilding.Tests.Funding;
using CapacityBuilding.Tests.Infrastructure;
using CapacityBuilding.Tests.Portal.Import;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using State = CapacityBuilding.Contracts.Assistance.V1.AssistanceRequest.Types.State;

namespace CapacityBuilding.Tests.Portal.Downloads;

/// <summary>
/// Lists as spreadsheets (<c>/downloads/{list}.{csv|xlsx}</c>): the whole list, every page of the
/// service's, with the page's filters and the list's access rules, headers in the user's language,
/// numbers and dates typed, and no cell a spreadsheet would run as a formula.
/// </summary>
[Collection(SuiteDefinition.Name)]
public sealed class ListDownloadTests(SuiteFixture suite)
{
    // What OWASP's CSV injection names: text a spreadsheet would take for a formula. (Tab and CR
    // cannot be stored: the services refuse control characters in text.)
    private static readonly string[] HostileTitles = ["=HYPERLINK(\"http://evil.example\",\"x\")", "+1+cmd|' /C calc'!A0", "-2+3+cmd|' /C calc'!A0", "@SUM(1+1)*cmd|' /C calc'!A0"];

    private readonly RequestLifecycleDriver coordinator = new(RequestLifecycleDriver.Coordinator(suite, "portal-downloads-coordinator"));

    [Fact]
    public async Task A_focal_points_download_is_every_page_of_their_filtered_list_and_never_another_countrys()
    {
        var marker = Guid.NewGuid().ToString("N");
        var ghanaian = new List<AssistanceRequest>();
        for (var index = 0; index < 3; index++)
        {
            ghanaian.Add(await coordinator.CreateAsync(RequestLifecycleDriver.CompleteRequest("GHA", $"Download Ghana {index} {marker}")));
        }

        var kenyan = await coordinator.CreateAsync(RequestLifecycleDriver.CompleteRequest("KEN", $"Download Kenya {marker}"));
        var submitted = await coordinator.CreateInStateAsync(State.Submitted, RequestLifecycleDriver.CompleteRequest("GHA", $"Download submitted {marker}"));
        // One request a page: the file is made of many pages.
        var (_, portal) = await suite.StartExtraPortalAsync("Development", new Dictionary<string, string> { ["Portal__Exports__PageSize"] = "1" });
        using var browser = new PortalSession(portal);
        using var signedIn = await browser.SignInAsync("focal-point-gha");

        var csv = await DownloadTextAsync(browser, "/downloads/requests.csv?state=Draft");

        Assert.StartsWith("\uFEFFTitle,Country,Thematic areas,State,Created,Last changed\r\n", csv, StringComparison.Ordinal);
        Assert.All(ghanaian, request => Assert.Contains($"{request.Title},Ghana,", csv, StringComparison.Ordinal));
        Assert.DoesNotContain(kenyan.Title, csv, StringComparison.Ordinal);
        Assert.DoesNotContain(submitted.Title, csv, StringComparison.Ordinal);
        Assert.Matches($@"Download Ghana 0 {marker},Ghana,[^\r]*,Draft,\d{{4}}-\d{{2}}-\d{{2}},\d{{4}}-\d{{2}}-\d{{2}}\r\n", csv);
    }

    [Fact]
    public async Task Headers_and_code_lists_are_in_the_users_language()
    {
        var request = await coordinator.CreateAsync(RequestLifecycleDriver.CompleteRequest("GHA", $"Download French {Guid.NewGuid():N}"));
        using var browser = new PortalSession(suite.GatewayRestAddress);
        using var signedIn = await browser.SignInAsync("focal-point-gha");
        browser.Cookies.Add(suite.GatewayRestAddress, new Cookie(".AspNetCore.Culture", "c=fr|uic=fr"));

        var csv = await DownloadTextAsync(browser, "/downloads/requests.csv?state=Draft");

        Assert.StartsWith("\uFEFFTitre,Pays,", csv, StringComparison.Ordinal);
        Assert.Contains($"{request.Title},Ghana,", csv, StringComparison.Ordinal);
        Assert.Contains(",Brouillon,", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hostile_text_is_never_written_as_a_formula_in_CSV_or_XLSX()
    {
        var country = "PNG";
        var hostile = new List<AssistanceRequest>();
        foreach (var title in HostileTitles)
        {
            hostile.Add(await coordinator.CreateInStateAsync(State.Submitted, RequestLifecycleDriver.CompleteRequest(country, title + " " + Guid.NewGuid().ToString("N"))));
        }

        using var browser = new PortalSession(suite.GatewayRestAddress);
        using var signedIn = await browser.SignInAsync("coordinator");
        var filters = $"?state=Submitted&country={country}&from={DateTime.UtcNow:yyyy-MM-dd}";

        var csv = await DownloadTextAsync(browser, "/downloads/triage.csv" + filters);
        var xlsx = await DownloadAsync(browser, "/downloads/triage.xlsx" + filters);

        foreach (var request in hostile)
        {
            // Escaped with a leading apostrophe and quoted (quotes inside doubled), never bare after a separator.
            Assert.Contains($",\"'{request.Title.Replace("\"", "\"\"", StringComparison.Ordinal)}\",", csv, StringComparison.Ordinal);
            Assert.DoesNotContain("," + request.Title[..2], csv, StringComparison.Ordinal);
        }

        using var document = SpreadsheetDocument.Open(new MemoryStream(xlsx), isEditable: false);
        var workbook = document.WorkbookPart!;
        var cells = workbook.WorksheetParts.Single().Worksheet.Descendants<Cell>().ToList();
        var formats = workbook.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ToList();
        Assert.Empty(workbook.WorksheetParts.Single().Worksheet.Descendants<CellFormula>());
        foreach (var request in hostile)
        {
            var cell = cells.Single(candidate => candidate.InnerText == request.Title);
            Assert.Equal(CellValues.InlineString, cell.DataType?.Value);
            Assert.True(formats[(int)cell.StyleIndex!.Value].QuotePrefix?.Value, $"{request.Title} is not quote-prefixed");
        }

        // Priority is a number cell, Created a date cell (a serial date in a date format).
        var firstRow = workbook.WorksheetParts.Single().Worksheet.Descendants<Row>().ElementAt(1).Elements<Cell>().ToList();
        Assert.Equal(CellValues.Number, firstRow[0].DataType?.Value);
        Assert.Equal(14u, formats[(int)firstRow[6].StyleIndex!.Value].NumberFormatId?.Value);
        Assert.Equal(DateTime.UtcNow.Date, DateTime.FromOADate(double.Parse(firstRow[6].CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task Money_is_an_amount_and_its_currency()
    {
        var scenario = new FundingScenario(suite);
        var request = await scenario.PublishedProjectAsync("SEN");
        using var browser = new PortalSession(suite.GatewayRestAddress);
        using var signedIn = await browser.SignInAsync("coordinator");

        var csv = await DownloadTextAsync(browser, "/downloads/allocations.csv");

        Assert.StartsWith("\uFEFFAmount,Amount (Currency),", csv, StringComparison.Ordinal);
        Assert.Contains($"40,USD,{request.Name},", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_list_is_downloaded_only_by_the_roles_its_page_is_for()
    {
        using var focalPoint = new PortalSession(suite.GatewayRestAddress);
        using var signedInFocalPoint = await focalPoint.SignInAsync("focal-point-gha");
        using var donor = new PortalSession(suite.GatewayRestAddress);
        using var signedInDonor = await donor.SignInAsync("donor-norway");
        using var anonymous = new PortalSession(suite.GatewayRestAddress);

        using var triage = await focalPoint.GetAsync("/downloads/triage.csv");
        using var experts = await donor.GetAsync("/downloads/experts.xlsx");
        using var unknown = await focalPoint.GetAsync("/downloads/requests.pdf");
        using var signedOut = await anonymous.GetAsync("/downloads/requests.csv");

        Assert.Equal(HttpStatusCode.Forbidden, triage.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, experts.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
    }

    [Fact]
    public async Task A_coordinators_import_runs_are_their_own_and_never_another_roles()
    {
        using var coordinator = new PortalSession(suite.PortalAddress);
        using var signedInCoordinator = await coordinator.SignInAsync("coordinator");
        using var focalPoint = new PortalSession(suite.PortalAddress);
        using var signedInFocalPoint = await focalPoint.SignInAsync("focal-point-gha");
        var fileName = $"donors-{Guid.NewGuid():N}.csv";
        await coordinator.CheckAsync("donors", fileName, Encoding.UTF8.GetBytes($"Row key,Donor name,Donor kind,Country,IATI identifier\nr1,{SampleData.UniqueTitle("Download run donor")},State,NOR,\n"));

        var page = await coordinator.GetPageAsync("/import");
        var csv = await DownloadTextAsync(coordinator, "/downloads/import-runs.csv");
        using var memberState = await focalPoint.GetAsync("/downloads/import-runs.csv");

        Assert.Contains("href=\"/downloads/import-runs.csv\"", page, StringComparison.Ordinal);
        Assert.StartsWith("\uFEFFFile,What the file holds,Run,Status\r\n", csv, StringComparison.Ordinal);
        Assert.Contains($"\r\n{fileName},Donors,Check,Finished\r\n", csv, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, memberState.StatusCode);
    }

    internal static async Task<byte[]> DownloadAsync(PortalSession browser, string path)
    {
        using var response = await browser.GetAsync(path);
        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode}");
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        return body;
    }

    internal static async Task<string> DownloadTextAsync(PortalSession browser, string path) =>
        System.Text.Encoding.UTF8.GetString(await DownloadAsync(browser, path));
}

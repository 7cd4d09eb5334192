using System.Text;
using CapacityBuilding.Contracts.Funding.V1;
using CapacityBuilding.Tests.Infrastructure;
using CapacityBuilding.Tests.Portal.Browser;
using Google.Rpc;
using Grpc.Core;
using static CapacityBuilding.Tests.Portal.Import.WorkbookCell;

namespace CapacityBuilding.Tests.Portal.Import;

/// <summary>
/// Spreadsheets in, through the portal as a coordinator uses it: a check reports the API's own
/// field violations in the columns they came from and stores nothing; an import creates the rows
/// without problems, and the same file imported again creates nothing twice; files and cells the
/// import cannot read without guessing (encodings, formulas, merged cells, local dates, error
/// values) are refused, each named in its row and column.
/// </summary>
[Collection(SuiteDefinition.Name)]
public sealed class ImportFileTests(SuiteFixture suite) : IAsyncLifetime, IDisposable
{
    private const string DonorHeaders = "Row key,Donor name,Donor kind,Country,IATI identifier";

    private readonly PortalSession coordinator = new(suite.PortalAddress);
    private readonly FundingService.FundingServiceClient funding = new(suite.Gateway);

    public async Task InitializeAsync() => await coordinator.SignInAsync(DemoUsers.Coordinator);

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => coordinator.Dispose();

    [Fact]
    public async Task A_check_reports_the_apis_violations_in_their_columns_and_stores_nothing()
    {
        var (good, bad) = (SampleData.UniqueTitle("import good"), SampleData.UniqueTitle("import bad"));
        var csv = $"{DonorHeaders}\n1,{good},State,NOR,\n2,{bad},Foundation,XXX,not an identifier\n";

        var check = await coordinator.CheckAsync("donors", "donors.csv", Encoding.UTF8.GetBytes(csv));

        Assert.Empty(check.Of(2));
        var api = await Assert.ThrowsAsync<RpcException>(() => funding.CreateDonorAsync(new CreateDonorRequest
        {
            Donor = new Donor { DisplayName = bad, Kind = Donor.Types.Kind.Foundation, Country = "XXX", IatiIdentifier = "not an identifier" },
            ValidateOnly = true,
        }).ResponseAsync);
        var apiFields = api.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Select(violation => violation.Field).Order().ToList();
        Assert.Equal(["donor.country", "donor.iati_identifier"], apiFields);
        Assert.Equal(["Country", "IATI identifier"], check.Of(3).Select(problem => problem.Column).Order().ToList());
        Assert.DoesNotContain(await DonorNames.AllAsync(funding), name => name == good || name == bad);
    }

    [Fact]
    public async Task An_import_creates_the_rows_without_problems_and_the_same_file_again_creates_nothing_twice()
    {
        var (first, second, refused) = (SampleData.UniqueTitle("imported"), SampleData.UniqueTitle("imported"), SampleData.UniqueTitle("refused"));
        var csv = Encoding.UTF8.GetBytes($"{DonorHeaders}\na,{first},State,NOR,\nb,{refused},State,XXX,\nc,{second},Multilateral,,\n");

        var imported = await coordinator.ImportAsync(await coordinator.CheckAsync("donors", "donors.csv", csv));
        var again = await coordinator.ImportAsync(await coordinator.CheckAsync("donors", "donors.csv", csv));

        Assert.Contains("3 rows done, 1 with problems, 2 created, 0 already imported before.", imported.Html, StringComparison.Ordinal);
        Assert.Equal("Country", Assert.Single(imported.Of(3)).Column);
        Assert.Contains("3 rows done, 1 with problems, 0 created, 2 already imported before.", again.Html, StringComparison.Ordinal);
        var names = await DonorNames.AllAsync(funding);
        Assert.Single(names, name => name == first);
        Assert.Single(names, name => name == second);
        Assert.DoesNotContain(refused, names);
    }

    [Fact]
    public async Task A_repeated_or_missing_row_key_is_refused_in_its_row()
    {
        var csv = $"{DonorHeaders}\nk,{SampleData.UniqueTitle("one")},State,NOR,\nk,{SampleData.UniqueTitle("two")},State,NOR,\n,{SampleData.UniqueTitle("three")},State,NOR,\n";

        var check = await coordinator.CheckAsync("donors", "donors.csv", Encoding.UTF8.GetBytes(csv));

        Assert.Empty(check.Of(2));
        Assert.Equal("Row key", Assert.Single(check.Of(3)).Column);
        Assert.Equal("Row key", Assert.Single(check.Of(4)).Column);
    }

    [Fact]
    public async Task A_file_larger_than_the_portals_other_requests_is_taken_and_read()
    {
        // The portal takes 1 MB bodies elsewhere; a column the template does not know is ignored.
        var notes = new string('n', 3 * 1024 * 1024);
        var csv = $"{DonorHeaders},Notes\n1,{SampleData.UniqueTitle("large file")},State,NOR,,{notes}\n";

        var check = await coordinator.CheckAsync("donors", "large.csv", Encoding.UTF8.GetBytes(csv));

        Assert.Contains("1 rows checked, 0 with problems.", check.Html, StringComparison.Ordinal);
    }

    public static TheoryData<string, byte[]> ReadableEncodings => new()
    {
        { "UTF-8 with its mark", [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(DonorCsv("Côte d’Ivoire fund"))] },
        { "UTF-8 without a mark", Encoding.UTF8.GetBytes(DonorCsv("Côte d’Ivoire fund")) },
        { "UTF-16 LE with its mark", [.. Encoding.Unicode.Preamble, .. Encoding.Unicode.GetBytes(DonorCsv("Côte d’Ivoire fund"))] },
        { "UTF-16 BE with its mark", [.. Encoding.BigEndianUnicode.Preamble, .. Encoding.BigEndianUnicode.GetBytes(DonorCsv("Côte d’Ivoire fund"))] },
        { "semicolons, as a French spreadsheet program writes", Encoding.UTF8.GetBytes(DonorCsv("Côte d’Ivoire fund").Replace(',', ';')) },
    };

    [Theory]
    [MemberData(nameof(ReadableEncodings))]
    public async Task Text_in_a_declared_or_utf8_encoding_is_read_exactly(string encoding, byte[] file)
    {
        var check = await coordinator.CheckAsync("donors", $"{encoding}.csv", file);

        Assert.Contains("1 rows checked, 0 with problems.", check.Html, StringComparison.Ordinal);
    }

    public static TheoryData<string, byte[], string> RefusedEncodings => new()
    {
        { "Windows-1252", Encoding.Latin1.GetBytes(DonorCsv("Côte d'Ivoire fund")), "is not UTF-8 text" },
        { "UTF-16 without a mark", Encoding.Unicode.GetBytes(DonorCsv("Ghana fund")), "UTF-16 text without a byte order mark" },
        { "UTF-32", [.. new UTF32Encoding(false, true).Preamble, .. new UTF32Encoding(false, true).GetBytes(DonorCsv("Ghana fund"))], "is UTF-32 text" },
        { "a zip that is no workbook", [.. "PK\u0003\u0004"u8, .. new byte[64]], "is not a workbook" },
        { "headers of another template", Encoding.UTF8.GetBytes("Name,Email\nA,a@example.org\n"), "does not name the template" },
    };

    [Theory]
    [MemberData(nameof(RefusedEncodings))]
    public async Task A_file_that_could_only_be_misread_is_refused_whole(string what, byte[] file, string refusal)
    {
        var check = await coordinator.CheckAsync("donors", $"{what}.csv", file);

        Assert.Contains("The file was refused", check.Html, StringComparison.Ordinal);
        Assert.Contains(refusal, check.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("Import the rows", check.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_hostile_workbook_has_each_unreadable_cell_refused_in_its_row_and_column_and_real_dates_read()
    {
        var donor = (await funding.CreateDonorAsync(new CreateDonorRequest { Donor = SampleData.Donor(SampleData.UniqueTitle("workbook donor")) })).Donor.Name;
        var from = new Day(DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-1)));
        var until = new Day(DateOnly.FromDateTime(DateTime.UtcNow.AddYears(1)));
        WorkbookCell?[][] rows =
        [
            ["Row key", "Donor", "Amount", "Currency", "Valid from", "Valid until"],
            ["dates", donor, new Number(1000), "USD", from, until],
            ["formula", donor, new Formula("=1000*2", "2000"), "USD", from, until],
            ["local date", donor, new Number(1000), "USD", "03/04/2026", until],
            ["merged", donor, new Number(1000), "USD", from, until],
            ["merged too", donor, new Number(1000), null, from, until],
            ["error", donor, new Error("#N/A"), "USD", from, until],
            ["comma", donor, "1,000.50", "USD", from, until],
        ];

        var check = await coordinator.CheckAsync("pledges", "pledges.xlsx", TestWorkbook.Write(rows, "D5:D6"));

        Assert.Empty(check.Of(2));
        Assert.Contains("formula", Assert.Single(check.Of(3), problem => problem.Column == "Amount").Message, StringComparison.Ordinal);
        Assert.Contains("03/04/2026", Assert.Single(check.Of(4), problem => problem.Column == "Valid from").Message, StringComparison.Ordinal);
        Assert.Contains("merged", Assert.Single(check.Of(5), problem => problem.Column == "Currency").Message, StringComparison.Ordinal);
        Assert.Contains("merged", Assert.Single(check.Of(6), problem => problem.Column == "Currency").Message, StringComparison.Ordinal);
        Assert.Contains("error value", Assert.Single(check.Of(7), problem => problem.Column == "Amount").Message, StringComparison.Ordinal);
        Assert.Contains("1,000.50", Assert.Single(check.Of(8), problem => problem.Column == "Amount").Message, StringComparison.Ordinal);
    }

    /// <summary>Amounts beyond the bound per amount (10^12 units) and beyond 64 bits: each row names its amount; none ends the run.</summary>
    [Fact]
    public async Task Amounts_too_large_are_refused_in_their_row_and_column()
    {
        var donor = (await funding.CreateDonorAsync(new CreateDonorRequest { Donor = SampleData.Donor(SampleData.UniqueTitle("large amounts donor")) })).Donor.Name;
        var (from, until) = (DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), DateTime.UtcNow.AddYears(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        var csv = "Row key,Donor,Amount,Currency,Valid from,Valid until\n"
            + string.Concat(new[] { "1000000000000", "1000000000000.5", "9223372036854775807", "99999999999999999999999" }
                .Select((amount, index) => $"{index},{donor},{amount},USD,{from},{until}\n"));

        var check = await coordinator.CheckAsync("pledges", "pledges.csv", Encoding.UTF8.GetBytes(csv));

        Assert.Empty(check.Of(2));
        foreach (var row in new[] { 3, 4, 5 })
        {
            Assert.Equal(["Amount"], check.Of(row).Select(problem => problem.Column).ToList());
        }
    }

    [Fact]
    public async Task Code_lists_are_accepted_by_code_or_by_name_in_the_users_language()
    {
        var csv = $"{DonorHeaders}\n1,{SampleData.UniqueTitle("by code")},MULTILATERAL,GHA,\n2,{SampleData.UniqueTitle("by name")},Foundation,Ghana,\n3,{SampleData.UniqueTitle("unknown")},Someone,Atlantis,\n";

        var check = await coordinator.CheckAsync("donors", "donors.csv", Encoding.UTF8.GetBytes(csv));

        Assert.Empty(check.Of(2));
        Assert.Empty(check.Of(3));
        Assert.Equal(["Country", "Donor kind"], check.Of(4).Select(problem => problem.Column).Order().ToList());
    }

    [Fact]
    public async Task The_templates_download_with_headers_in_the_users_language_and_a_readme_of_allowed_values()
    {
        using var csv = await coordinator.GetAsync("/import/templates/donors.csv");
        using var readme = await coordinator.GetAsync("/import/readme/donors.csv");
        using var xlsx = await coordinator.GetAsync("/import/templates/donors.xlsx");

        Assert.Equal(DonorHeaders, (await csv.Content.ReadAsStringAsync()).Trim());
        Assert.Contains("MULTILATERAL (Multilateral organisation)", await readme.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
        using var workbook = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()), false);
        Assert.Equal(["Data", "README"], workbook.WorkbookPart!.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Select(sheet => sheet.Name!.Value!).ToList());
    }

    private static string DonorCsv(string name) => $"{DonorHeaders}\n{Guid.NewGuid():N},{name} {Guid.NewGuid():N},State,CIV,\n";
}

using System.Globalization;
using System.Text.RegularExpressions;
using CapacityBuilding.Testing;

namespace CapacityBuilding.Tests.Assistance;

/// <summary>
/// The vendored editions of the OECD DAC List of ODA Recipients (the assistance service's
/// <c>Data/</c>): the catalogue gives every reporting year exactly one edition, every edition
/// parses, holds only assigned ISO 3166-1 alpha-3 codes, each once, in one of the list's four
/// columns, and is cited in the folder's README.
/// </summary>
public sealed partial class DacRecipientEditionsTests
{
    private static readonly string DataFolder = Path.Combine(RepositoryLayout.Root.FullName, "services", "CapacityBuilding.Assistance", "Data");

    private static readonly string[] Columns = ["LDC", "OTHER_LIC", "LMIC", "UMIC"];

    [Fact]
    public void The_catalogue_gives_each_reporting_year_one_edition()
    {
        var editions = Catalogue();

        Assert.NotEmpty(editions);
        Assert.All(editions, edition => Assert.True(edition.First <= edition.Last, $"{edition.File} ends before it starts."));
        Assert.All(editions.Zip(editions.Skip(1)), pair => Assert.Equal(pair.First.Last + 1, pair.Second.First));
    }

    [Fact]
    public void Every_edition_holds_assigned_country_codes_once_each_in_one_of_the_four_columns()
    {
        var assigned = Rows(Path.Combine(RepositoryLayout.Root.FullName, "services", "CapacityBuilding.ServiceDefaults", "Data", "iso-3166-1-alpha-3.csv"))
            .Select(row => row[0]).ToHashSet(StringComparer.Ordinal);

        foreach (var (file, _, _) in Catalogue())
        {
            var path = Path.Combine(DataFolder, file);
            Assert.Equal("code,name,income_group", File.ReadLines(path).First());
            var rows = Rows(path);
            Assert.InRange(rows.Count, 100, 200);
            Assert.All(rows, row => Assert.Equal(3, row.Length));
            Assert.All(rows, row => Assert.True(assigned.Contains(row[0]), $"{file}: {row[0]} is not an ISO 3166-1 alpha-3 code."));
            Assert.All(rows, row => Assert.Contains(row[2], Columns));
            Assert.Equal(rows.Count, rows.Select(row => row[0]).Distinct(StringComparer.Ordinal).Count());
        }
    }

    [Fact]
    public void Every_edition_and_where_it_comes_from_are_in_the_readme()
    {
        var readme = File.ReadAllText(Path.Combine(DataFolder, "README.md"));

        Assert.All(Catalogue(), edition => Assert.Contains(edition.File, readme, StringComparison.Ordinal));
        Assert.Equal(
            Catalogue().Select(edition => edition.File).Order(StringComparer.Ordinal),
            Directory.GetFiles(DataFolder, "oecd-dac-oda-recipients-2*.csv").Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    private static List<(string File, int First, int Last)> Catalogue() =>
        [.. Rows(Path.Combine(DataFolder, "oecd-dac-oda-recipients-editions.csv"))
            .Select(row => (row[0], int.Parse(row[1], CultureInfo.InvariantCulture), int.Parse(row[2], CultureInfo.InvariantCulture)))];

    /// <summary>The data rows of a CSV file: after the header, fields split at commas outside double quotes.</summary>
    private static List<string[]> Rows(string path) =>
        [.. File.ReadLines(path).Skip(1).Where(line => line.Length > 0).Select(line => CommaOutsideQuotes().Split(line))];

    [GeneratedRegex(""",(?=(?:[^"]*"[^"]*")*[^"]*$)""")]
    private static partial Regex CommaOutsideQuotes();
}

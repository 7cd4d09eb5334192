using System.Collections.Frozen;
using System.Globalization;
using CapacityBuilding.Contracts.Common.V1;
using CapacityBuilding.ServiceDefaults.Validation;

namespace CapacityBuilding.Assistance.Domain.Requests;

/// <summary>
/// The OECD DAC List of ODA Recipients, one edition per span of reporting years, shipped as data:
/// <c>Data/oecd-dac-oda-recipients-editions.csv</c> names each edition's file and the years it is
/// in force for, and <c>Data/README.md</c> cites where each edition comes from. "Developing state"
/// in the Convention's Chapter VII is read as "on the list in force". A country's column is read
/// from the edition in force for the reporting year asked; a year before the first edition reads
/// the first, a year after the last reads the last (the newest list there is, until the DAC
/// publishes the next: a new file and a catalogue row). Kosovo is on the list but has no
/// ISO 3166-1 code, so it is in no file.
/// </summary>
public static class DacRecipients
{
    private const string Catalogue = "oecd-dac-oda-recipients-editions.csv";

    private static readonly IReadOnlyList<DacRecipientEdition> Editions = Load();

    /// <summary>The country's column in the edition in force for <paramref name="reportingDate"/>'s year, or <see cref="DacIncomeGroup.Unspecified"/> when it is not on that list.</summary>
    public static DacIncomeGroup GroupOf(string countryCode, DateOnly reportingDate) =>
        EditionFor(reportingDate.Year).GroupsByCode.GetValueOrDefault(countryCode, DacIncomeGroup.Unspecified);

    /// <summary>The edition in force for <paramref name="reportingYear"/>: the first for earlier years, the last for later ones.</summary>
    private static DacRecipientEdition EditionFor(int reportingYear) =>
        Editions.FirstOrDefault(edition => reportingYear <= edition.LastReportingYear) ?? Editions[^1];

    /// <summary>Every edition, oldest first; they must follow one another year by year, so that each year has exactly one.</summary>
    private static List<DacRecipientEdition> Load()
    {
        var editions = new List<DacRecipientEdition>();
        foreach (var row in EmbeddedCsv.ReadRows(typeof(DacRecipients).Assembly, Catalogue))
        {
            var edition = new DacRecipientEdition(Year(row[1]), Year(row[2]), Columns(row[0]));
            if (edition.LastReportingYear < edition.FirstReportingYear
                || (editions.Count > 0 && edition.FirstReportingYear != editions[^1].LastReportingYear + 1))
            {
                throw new InvalidOperationException($"{Catalogue}: {row[0]} must start the year after the edition before it ends, and end no earlier than it starts.");
            }

            editions.Add(edition);
        }

        return editions.Count > 0 ? editions : throw new InvalidOperationException($"{Catalogue} lists no edition.");
    }

    private static int Year(string field) => int.Parse(field, NumberStyles.None, CultureInfo.InvariantCulture);

    private static FrozenDictionary<string, DacIncomeGroup> Columns(string file) =>
        EmbeddedCsv.ReadRows(typeof(DacRecipients).Assembly, file).ToFrozenDictionary(
            row => CountryCodes.IsAssigned(row[0]) ? row[0] : throw new InvalidOperationException($"{file}: '{row[0]}' is not an ISO 3166-1 alpha-3 code."),
            row => row[2] switch
            {
                "LDC" => DacIncomeGroup.LeastDeveloped,
                "OTHER_LIC" => DacIncomeGroup.OtherLowIncome,
                "LMIC" => DacIncomeGroup.LowerMiddleIncome,
                "UMIC" => DacIncomeGroup.UpperMiddleIncome,
                var other => throw new InvalidOperationException($"{file}: unknown DAC income group '{other}' for {row[0]}."),
            },
            StringComparer.Ordinal);
}

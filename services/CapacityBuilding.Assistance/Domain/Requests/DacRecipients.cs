using System.Collections.Frozen;
using CapacityBuilding.Contracts.Common.V1;
using CapacityBuilding.ServiceDefaults.Validation;

namespace CapacityBuilding.Assistance.Domain.Requests;

/// <summary>
/// The OECD DAC List of ODA Recipients, the edition effective for reporting on 2024 and 2025
/// flows (adopted at the DAC's 2023 triennial review), by ISO 3166-1 alpha-3 code with its income
/// group column, shipped as data (<c>Data/oecd-dac-oda-recipients-2024-2025.csv</c>). "Developing
/// state" in the Convention's Chapter VII is read as "on this list". Kosovo is on the list but has
/// no ISO 3166-1 code, so it is not in the file.
/// </summary>
public static class DacRecipients
{
    private static readonly FrozenDictionary<string, DacIncomeGroup> GroupsByCode = Load();

    /// <summary>The country's column, or <see cref="DacIncomeGroup.Unspecified"/> when it is not on the list.</summary>
    public static DacIncomeGroup GroupOf(string countryCode) =>
        GroupsByCode.GetValueOrDefault(countryCode, DacIncomeGroup.Unspecified);

    public static int Count => GroupsByCode.Count;

    private static FrozenDictionary<string, DacIncomeGroup> Load() =>
        EmbeddedCsv.ReadRows(typeof(DacRecipients).Assembly, "oecd-dac-oda-recipients-2024-2025.csv").ToFrozenDictionary(
            row => row[0],
            row => row[2] switch
            {
                "LDC" => DacIncomeGroup.LeastDeveloped,
                "OTHER_LIC" => DacIncomeGroup.OtherLowIncome,
                "LMIC" => DacIncomeGroup.LowerMiddleIncome,
                "UMIC" => DacIncomeGroup.UpperMiddleIncome,
                var other => throw new InvalidOperationException($"Unknown DAC income group '{other}' for {row[0]}."),
            },
            StringComparer.Ordinal);
}

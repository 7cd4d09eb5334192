using System.Globalization;
using CapacityBuilding.Contracts.Funding.V1;
using CapacityBuilding.Portal.Localization;

namespace CapacityBuilding.Portal.Components.Pages.Funding;

/// <summary>
/// The exchange rates a coordinator pastes, one a line: the currency's ISO 4217 code, the first day
/// the rate applies (<c>yyyy-MM-dd</c>) and the value of one unit in US dollars as the user writes
/// numbers, separated by spaces, tabs or semicolons (columns pasted from a spreadsheet):
/// <c>EUR 2026-01-01 1.0834</c>, in French <c>EUR 2026-01-01 1,0834</c>. Only read here; whether a
/// rate is acceptable is the funding service's to say.
/// </summary>
public static class ExchangeRateLines
{
    private const string ReportingCurrency = "USD";

    private static readonly char[] Separators = [' ', '\t', ';'];

    /// <summary>The rates read, and the numbers (from 1) of the lines that could not be read.</summary>
    public sealed record Reading(IReadOnlyList<ExchangeRate> Rates, IReadOnlyList<int> UnreadableLines);

    public static Reading Read(string? text, CultureInfo culture)
    {
        var rates = new List<ExchangeRate>();
        var unreadable = new List<int>();
        var lines = (text ?? "").Split('\n');
        for (var number = 1; number <= lines.Length; number++)
        {
            var columns = lines[number - 1].Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (columns.Length == 0)
            {
                continue;
            }

            if (columns.Length == 3 && DateText.Parse(columns[1]) is { } day && MoneyText.Parse(columns[2], ReportingCurrency, culture) is { } rate)
            {
                rates.Add(new ExchangeRate { CurrencyCode = columns[0].ToUpperInvariant(), EffectiveDate = day, Rate = rate });
            }
            else
            {
                unreadable.Add(number);
            }
        }

        return new Reading(rates, unreadable);
    }
}

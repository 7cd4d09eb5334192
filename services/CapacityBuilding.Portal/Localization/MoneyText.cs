using System.Collections.Frozen;
using System.Globalization;
using Google.Type;

namespace CapacityBuilding.Portal.Localization;

/// <summary>
/// Money as the services send it (google.type.Money: ISO 4217 code, units and nanos) in the
/// user's culture, always with its currency: <c>USD 2,500,000.00</c>, <c>2 500 000,00 USD</c>.
/// The code stands for the symbol because a symbol is ambiguous ($ is also CAD, AUD ...) and a
/// donor's reports name currencies by code. Also reads an amount a user typed in their culture.
/// Every page formats money through this one class (funding, triage, audit, dashboards).
/// </summary>
public static class MoneyText
{
    private const decimal NanosPerUnit = 1_000_000_000m;

    private const int UsualDecimals = 2;

    // The decimals a currency is counted in (JPY 0, KWD 3), from the regions .NET knows.
    private static readonly FrozenDictionary<string, int> DecimalsByCurrency = CultureInfo.GetCultures(CultureTypes.SpecificCultures)
        .Select(culture => (Region: new RegionInfo(culture.Name), culture.NumberFormat.CurrencyDecimalDigits))
        .GroupBy(pair => pair.Region.ISOCurrencySymbol, StringComparer.Ordinal)
        .ToFrozenDictionary(group => group.Key, group => group.Min(pair => pair.CurrencyDecimalDigits), StringComparer.Ordinal);

    /// <summary>The amount as a number (for charts and sums); no amount is zero.</summary>
    public static decimal ValueOf(Money? money) => money is null ? 0m : money.Units + (money.Nanos / NanosPerUnit);

    /// <summary>In the current culture.</summary>
    public static string Format(Money? money) => Format(money, CultureInfo.CurrentCulture);

    /// <summary>In the current culture.</summary>
    public static string FormatAll(IEnumerable<Money> amounts) => FormatAll(amounts, CultureInfo.CurrentCulture);

    /// <summary>A figure already summed or converted (a report's USD totals), in the current culture.</summary>
    public static string Format(decimal amount, string currencyCode) =>
        Format(new Money { CurrencyCode = currencyCode, Units = (long)decimal.Truncate(amount), Nanos = (int)((amount - decimal.Truncate(amount)) * NanosPerUnit) }, CultureInfo.CurrentCulture);

    public static string Format(Money? money, CultureInfo culture)
    {
        if (money is null)
        {
            return "";
        }

        var decimals = DecimalsByCurrency.GetValueOrDefault(money.CurrencyCode, UsualDecimals);
        var number = ValueOf(money).ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), culture);
        // The culture's currency pattern says on which side the symbol goes; 0 and 2 put it first.
        return culture.NumberFormat.CurrencyPositivePattern is 0 or 2
            ? $"{money.CurrencyCode}\u00A0{number}"
            : $"{number}\u00A0{money.CurrencyCode}";
    }

    /// <summary>Several amounts (one per currency), as the reports give them.</summary>
    public static string FormatAll(IEnumerable<Money> amounts, CultureInfo culture) =>
        string.Join(culture.TextInfo.ListSeparator + " ", amounts.Select(amount => Format(amount, culture)));

    /// <summary>An amount typed in the user's culture (<c>1,000.50</c>, <c>1 000,50</c>), or null when it is not a number.</summary>
    public static Money? Parse(string? text, string currencyCode, CultureInfo culture)
    {
        if (!decimal.TryParse(text, NumberStyles.Number, culture, out var value))
        {
            return null;
        }

        var units = decimal.Truncate(value);
        return new Money { CurrencyCode = currencyCode, Units = (long)units, Nanos = (int)((value - units) * NanosPerUnit) };
    }

    /// <summary>The amount as a user would type it back in their culture, for a form's field.</summary>
    public static string ToInput(Money money, CultureInfo culture) => ValueOf(money).ToString("G", culture);
}

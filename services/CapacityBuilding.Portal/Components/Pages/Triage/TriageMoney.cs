using System.Globalization;
using Google.Type;

namespace CapacityBuilding.Portal.Components.Pages.Triage;

/// <summary>
/// Money as the services send it (google.type.Money) in the user's culture, always with its ISO
/// 4217 code (a symbol such as $ is ambiguous), on the side the culture puts a currency.
/// </summary>
public static class TriageMoney
{
    private const decimal NanosPerUnit = 1_000_000_000m;

    public static string Format(Money? money)
    {
        if (money is null || money.CurrencyCode.Length == 0)
        {
            return "";
        }

        var culture = CultureInfo.CurrentCulture;
        var number = (money.Units + (money.Nanos / NanosPerUnit)).ToString("N2", culture);
        // The culture's currency patterns 0 and 2 put the symbol first.
        return culture.NumberFormat.CurrencyPositivePattern is 0 or 2 ? $"{money.CurrencyCode}\u00A0{number}" : $"{number}\u00A0{money.CurrencyCode}";
    }

    /// <summary>One amount per currency, as the funding service reports them.</summary>
    public static string FormatAll(IEnumerable<Money> amounts) =>
        string.Join(CultureInfo.CurrentCulture.TextInfo.ListSeparator + " ", amounts.Select(Format));
}

using System.Globalization;
using Google.Type;

namespace CapacityBuilding.Portal.Components.Pages.Dashboards;

/// <summary>
/// google.type.Money as a number for charts and as text in the user's culture with its ISO 4217
/// code ("180,000 USD", « 180 000 USD »): the code, not a symbol, since several currencies share "$".
/// </summary>
public static class MoneyFigures
{
    private const decimal NanosPerUnit = 1_000_000_000m;

    public static decimal ToDecimal(Money? money) => money is null ? 0m : money.Units + (money.Nanos / NanosPerUnit);

    /// <summary>Whole amounts without decimals, others with two.</summary>
    public static string Format(decimal amount, string currencyCode) =>
        string.Create(CultureInfo.CurrentCulture, $"{amount.ToString(decimal.IsInteger(amount) ? "N0" : "N2", CultureInfo.CurrentCulture)} {currencyCode}");

    public static string Format(Money? money) => money is null ? "" : Format(ToDecimal(money), money.CurrencyCode);
}

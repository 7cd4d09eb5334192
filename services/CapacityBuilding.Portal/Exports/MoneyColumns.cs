using CapacityBuilding.Portal.Localization;
using Google.Type;

namespace CapacityBuilding.Portal.Exports;

public static class MoneyColumns
{
    /// <summary>
    /// An amount as two columns, the number and its ISO 4217 currency, so that a spreadsheet can
    /// sum the one and nobody adds amounts of different currencies unknowingly.
    /// </summary>
    public static IEnumerable<SheetColumn<TRow>> Of<TRow>(string header, string currencyHeader, Func<TRow, Money?> amount) =>
    [
        new(header, row => amount(row) is { } money ? SheetCell.Of(MoneyText.ValueOf(money)) : SheetCell.Empty),
        new($"{header} ({currencyHeader})", row => SheetCell.Of(amount(row)?.CurrencyCode)),
    ];
}

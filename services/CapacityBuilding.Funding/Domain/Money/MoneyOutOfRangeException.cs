namespace CapacityBuilding.Funding.Domain.Money;

/// <summary>
/// A total too large (or too small) for google.type.Money, whose units are a 64-bit integer:
/// the sum is exact, but it cannot be answered in that message.
/// </summary>
public sealed class MoneyOutOfRangeException(string currencyCode)
    : Exception($"A total in {currencyCode} is beyond the range of google.type.Money.")
{
    public string CurrencyCode { get; } = currencyCode;
}

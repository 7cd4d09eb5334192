using System.Numerics;

namespace CapacityBuilding.Funding.Domain.Money;

/// <summary>Sums of money kept apart by currency, as the original currencies must always be.</summary>
public sealed class CurrencyTotals
{
    private readonly SortedDictionary<string, BigInteger> nanosByCurrency = new(StringComparer.Ordinal);

    public void Add(string currencyCode, BigInteger totalNanos) =>
        nanosByCurrency[currencyCode] = nanosByCurrency.GetValueOrDefault(currencyCode) + totalNanos;

    public void Add(Google.Type.Money money) => Add(money.CurrencyCode, SignedMoney.TotalNanos(money));

    public IEnumerable<(string CurrencyCode, BigInteger TotalNanos)> Entries =>
        nanosByCurrency.Select(entry => (entry.Key, entry.Value));

    public IEnumerable<Google.Type.Money> ToMoney() =>
        nanosByCurrency.Select(entry => SignedMoney.FromTotalNanos(entry.Value, entry.Key));
}

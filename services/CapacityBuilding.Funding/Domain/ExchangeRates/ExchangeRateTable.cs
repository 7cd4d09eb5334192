using System.Numerics;
using CapacityBuilding.Funding.Domain.Money;

namespace CapacityBuilding.Funding.Domain.ExchangeRates;

/// <summary>
/// Converts amounts to the reporting currency (USD) with the rates in force on one day. The rule:
/// an amount in currency C is worth <c>amount × rate</c> USD, where rate is C's rate with the
/// latest effective day on or before that day; the product is computed exactly in nanos and
/// rounded once to the nearest nano, halves to even. USD needs no rate. A currency with no such
/// rate is not converted: callers report it and leave its amounts out of USD totals.
/// </summary>
public sealed class ExchangeRateTable
{
    public const string ReportingCurrency = "USD";

    private readonly Dictionary<string, Amount> rateByCurrency;

    public ExchangeRateTable(IEnumerable<StoredExchangeRate> rates, DateOnly asOf)
    {
        AsOf = asOf;
        rateByCurrency = rates
            .Where(rate => rate.EffectiveDate <= asOf)
            .GroupBy(rate => rate.CurrencyCode, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.MaxBy(rate => rate.EffectiveDate)!.Rate, StringComparer.Ordinal);
    }

    public DateOnly AsOf { get; }

    /// <summary>The amount in USD nanos, or null when <paramref name="currencyCode"/> has no rate on <see cref="AsOf"/>.</summary>
    public BigInteger? ToUsdNanos(string currencyCode, BigInteger totalNanos)
    {
        if (currencyCode == ReportingCurrency)
        {
            return totalNanos;
        }

        if (!rateByCurrency.TryGetValue(currencyCode, out var rate))
        {
            return null;
        }

        return DivideRoundingHalfToEven(totalNanos * rate.TotalNanos, Amount.NanosPerUnit);
    }

    /// <summary>USD nanos as an amount in <paramref name="currencyCode"/> (the inverse of <see cref="ToUsdNanos"/>, rounded the same way), or null without a rate.</summary>
    public BigInteger? FromUsdNanos(string currencyCode, BigInteger usdNanos)
    {
        if (currencyCode == ReportingCurrency)
        {
            return usdNanos;
        }

        return rateByCurrency.TryGetValue(currencyCode, out var rate) && !rate.IsZero
            ? DivideRoundingHalfToEven(usdNanos * Amount.NanosPerUnit, rate.TotalNanos)
            : null;
    }

    private static BigInteger DivideRoundingHalfToEven(BigInteger dividend, BigInteger divisor)
    {
        var quotient = BigInteger.DivRem(dividend, divisor, out var remainder);
        var twiceRemainder = BigInteger.Abs(remainder) * 2;
        if (twiceRemainder > divisor || (twiceRemainder == divisor && !quotient.IsEven))
        {
            quotient += dividend.Sign;
        }

        return quotient;
    }
}

using System.Numerics;

namespace CapacityBuilding.Funding.Domain.Money;

/// <summary>Builds google.type.Money from a signed number of nanos (a gap can be negative).</summary>
public static class SignedMoney
{
    public static Google.Type.Money FromTotalNanos(BigInteger totalNanos, string currencyCode)
    {
        // Money wants units and nanos of the same sign: truncating division gives exactly that.
        var units = BigInteger.DivRem(totalNanos, Amount.NanosPerUnit, out var nanos);
        if (units < long.MinValue || units > long.MaxValue)
        {
            throw new MoneyOutOfRangeException(currencyCode);
        }

        return new Google.Type.Money { CurrencyCode = currencyCode, Units = (long)units, Nanos = (int)nanos };
    }

    public static BigInteger TotalNanos(Google.Type.Money money) => ((BigInteger)money.Units * Amount.NanosPerUnit) + money.Nanos;
}

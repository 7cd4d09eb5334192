using System.Globalization;
using System.Numerics;

namespace CapacityBuilding.Funding.Domain.Money;

/// <summary>
/// A non-negative amount of money without its currency, as google.type.Money holds it: whole
/// units plus nanos (0..999,999,999). Exact: arithmetic goes through integers, never floating
/// point. Redis scripts receive and return both parts as decimal strings.
/// </summary>
public readonly record struct Amount(long Units, int Nanos) : IComparable<Amount>
{
    public const int NanosPerUnit = 1_000_000_000;

    public static readonly Amount Zero = new(0, 0);

    public static Amount Of(Google.Type.Money money) => new(money.Units, money.Nanos);

    /// <summary>Parses the two strings a Redis script returned.</summary>
    public static Amount Parse(string units, string nanos) =>
        new(long.Parse(units, CultureInfo.InvariantCulture), int.Parse(nanos, CultureInfo.InvariantCulture));

    public static Amount FromTotalNanos(BigInteger totalNanos)
    {
        var units = BigInteger.DivRem(totalNanos, NanosPerUnit, out var nanos);
        return new Amount((long)units, (int)nanos);
    }

    public BigInteger TotalNanos => ((BigInteger)Units * NanosPerUnit) + Nanos;

    public bool IsZero => Units == 0 && Nanos == 0;

    public string UnitsText => Units.ToString(CultureInfo.InvariantCulture);

    public string NanosText => Nanos.ToString(CultureInfo.InvariantCulture);

    public Google.Type.Money ToMoney(string currencyCode) => new() { CurrencyCode = currencyCode, Units = Units, Nanos = Nanos };

    public static Amount operator +(Amount left, Amount right) => FromTotalNanos(left.TotalNanos + right.TotalNanos);

    public static Amount operator -(Amount left, Amount right) => FromTotalNanos(left.TotalNanos - right.TotalNanos);

    public int CompareTo(Amount other) => TotalNanos.CompareTo(other.TotalNanos);

    public static bool operator <(Amount left, Amount right) => left.CompareTo(right) < 0;

    public static bool operator >(Amount left, Amount right) => left.CompareTo(right) > 0;

    public static bool operator <=(Amount left, Amount right) => left.CompareTo(right) <= 0;

    public static bool operator >=(Amount left, Amount right) => left.CompareTo(right) >= 0;

    /// <summary>e.g. <c>1250.5 USD</c>: exact, for error messages.</summary>
    public string Format(string currencyCode) =>
        Nanos == 0
            ? $"{UnitsText} {currencyCode}"
            : $"{UnitsText}.{Nanos.ToString("D9", CultureInfo.InvariantCulture).TrimEnd('0')} {currencyCode}";
}

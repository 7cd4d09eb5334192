namespace CapacityBuilding.ServiceDefaults.Validation;

/// <summary>
/// The largest amount of money any one input may carry, in whole units of its currency: 10^12 (a
/// trillion dollars, euros or dong). Why this number: sums of amounts (a programme's pledged,
/// allocated, budgeted) are answered in google.type.Money, whose units are a 64-bit integer
/// (at most about 9.22 × 10^18), so at this bound 9.2 million records at the very top of the range
/// fit in one total, far more than the suite will ever hold; below it, no real amount in any
/// currency is refused (the world's largest aid budgets are around 10^11 USD a year, and a
/// trillion of the currencies with the smallest units is still only tens of millions of USD).
/// Without it, one near-<see cref="long.MaxValue"/> pledge made every programme total unanswerable.
/// </summary>
public static class MoneyLimits
{
    public const long MaxUnits = 1_000_000_000_000;
}

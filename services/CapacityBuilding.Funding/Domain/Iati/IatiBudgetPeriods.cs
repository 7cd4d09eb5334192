using System.Numerics;
using CapacityBuilding.Funding.Domain.Money;

namespace CapacityBuilding.Funding.Domain.Iati;

/// <summary>One budget period: its first and last day and the money budgeted for it.</summary>
public sealed record IatiBudgetPeriod(DateOnly Start, DateOnly End, Amount Value);

/// <summary>
/// A request's budget over its planned period as IATI budgets: IATI rule 7.5.3 allows a budget
/// period of at most one year, so the period is cut into consecutive years from its first day
/// (the last one shorter) and the money shared by the days each holds, to the nano; the last
/// period takes what rounding leaves, so the periods add up to the budget exactly.
/// </summary>
public static class IatiBudgetPeriods
{
    public static IReadOnlyList<IatiBudgetPeriod> Split(DateOnly start, DateOnly end, Amount budget)
    {
        var periods = new List<(DateOnly Start, DateOnly End)>();
        for (var first = start; first <= end; first = first.AddYears(1))
        {
            var last = first.AddYears(1).AddDays(-1);
            periods.Add((first, last < end ? last : end));
        }

        var totalDays = end.DayNumber - start.DayNumber + 1;
        var shared = BigInteger.Zero;
        var budgets = new List<IatiBudgetPeriod>(periods.Count);
        for (var i = 0; i < periods.Count; i++)
        {
            var (first, last) = periods[i];
            var share = i == periods.Count - 1
                ? budget.TotalNanos - shared
                : budget.TotalNanos * (last.DayNumber - first.DayNumber + 1) / totalDays;
            shared += share;
            budgets.Add(new IatiBudgetPeriod(first, last, Amount.FromTotalNanos(share)));
        }

        return budgets;
    }
}

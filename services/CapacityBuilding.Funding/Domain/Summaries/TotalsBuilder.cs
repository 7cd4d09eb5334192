using System.Numerics;
using CapacityBuilding.Contracts.Funding.V1;
using CapacityBuilding.Funding.Domain.ExchangeRates;
using CapacityBuilding.Funding.Domain.Money;

namespace CapacityBuilding.Funding.Domain.Summaries;

/// <summary>
/// Adds up one group's money per currency and turns it into <see cref="FundingTotals"/>: original
/// currencies kept, USD figures from <see cref="ExchangeRateTable"/>, the gap as budget minus
/// allocated (both in USD), and the currencies that could not be converted named.
/// </summary>
public sealed class TotalsBuilder
{
    private readonly CurrencyTotals allocated = new();
    private readonly CurrencyTotals disbursed = new();
    private readonly CurrencyTotals budget = new();
    private bool hasBudget;

    public void AddAllocated(string currencyCode, Amount amount) => allocated.Add(currencyCode, amount.TotalNanos);

    public void AddDisbursed(string currencyCode, Amount amount) => disbursed.Add(currencyCode, amount.TotalNanos);

    public void AddBudget(Google.Type.Money money)
    {
        budget.Add(money);
        hasBudget = true;
    }

    public FundingTotals Build(ExchangeRateTable rates)
    {
        var unconverted = new SortedSet<string>(StringComparer.Ordinal);
        var totals = new FundingTotals
        {
            Allocated = { allocated.ToMoney() },
            Disbursed = { disbursed.ToMoney() },
            IndicativeBudget = { budget.ToMoney() },
            AllocatedUsd = ToUsd(allocated, rates, unconverted, out var allocatedUsd),
            DisbursedUsd = ToUsd(disbursed, rates, unconverted, out _),
        };
        if (hasBudget)
        {
            totals.IndicativeBudgetUsd = ToUsd(budget, rates, unconverted, out var budgetUsd);
            totals.GapUsd = SignedMoney.FromTotalNanos(budgetUsd - allocatedUsd, ExchangeRateTable.ReportingCurrency);
        }

        totals.UnconvertedCurrencies.AddRange(unconverted);
        return totals;
    }

    private static Google.Type.Money ToUsd(CurrencyTotals totals, ExchangeRateTable rates, SortedSet<string> unconverted, out BigInteger usdNanos)
    {
        usdNanos = BigInteger.Zero;
        foreach (var (currencyCode, totalNanos) in totals.Entries)
        {
            if (rates.ToUsdNanos(currencyCode, totalNanos) is { } converted)
            {
                usdNanos += converted;
            }
            else
            {
                unconverted.Add(currencyCode);
            }
        }

        return SignedMoney.FromTotalNanos(usdNanos, ExchangeRateTable.ReportingCurrency);
    }
}

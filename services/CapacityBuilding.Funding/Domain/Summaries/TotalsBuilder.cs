using System.Numerics;
using CapacityBuilding.Contracts.Funding.V1;
using CapacityBuilding.Funding.Domain.Allocations;
using CapacityBuilding.Funding.Domain.ExchangeRates;
using CapacityBuilding.Funding.Domain.Money;
using CapacityBuilding.Funding.Domain.Pledges;
using AllocationState = CapacityBuilding.Contracts.Funding.V1.Allocation.Types.State;
using PledgeState = CapacityBuilding.Contracts.Funding.V1.Pledge.Types.State;

namespace CapacityBuilding.Funding.Domain.Summaries;

/// <summary>
/// Adds up one group's money per currency and turns it into <see cref="FundingTotals"/>: original
/// currencies kept, USD figures from <see cref="ExchangeRateTable"/>, the gap as budget minus
/// allocated (both in USD), and the currencies that could not be converted named. Counted as UN
/// OCHA's Financial Tracking Service counts: a pledge still PLEDGED is an intention (pledged), a
/// COMMITTED one is counted (committed), money paid in is counted apart (paid); money proposed to
/// a request (offered) is neither allocated nor in the gap. Pledge-side figures appear only for
/// groups that were given pledges, so a request's totals carry no misleading zero.
/// </summary>
public sealed class TotalsBuilder
{
    private readonly CurrencyTotals allocated = new();
    private readonly CurrencyTotals disbursed = new();
    private readonly CurrencyTotals offered = new();
    private readonly CurrencyTotals indicativeBudget = new();
    private readonly CurrencyTotals budget = new();
    private readonly CurrencyTotals pledged = new();
    private readonly CurrencyTotals committed = new();
    private readonly CurrencyTotals paid = new();
    private bool hasIndicativeBudget;
    private bool hasPledges;
    private BudgetBasis basis = BudgetBasis.Unspecified;

    public void AddAllocation(AllocationRecord allocation)
    {
        var currencyCode = allocation.Allocation.CurrencyCode;
        switch (allocation.Ledger.State)
        {
            case AllocationState.Active:
                allocated.Add(currencyCode, allocation.Ledger.Amount.TotalNanos);
                break;
            case AllocationState.Proposed:
                offered.Add(currencyCode, allocation.Ledger.Amount.TotalNanos);
                break;
        }

        disbursed.Add(currencyCode, allocation.Ledger.Disbursed.TotalNanos);
    }

    public void AddPledge(PledgeRecord pledge)
    {
        hasPledges = true;
        var currencyCode = pledge.Pledge.CurrencyCode;
        switch (pledge.Ledger.State)
        {
            case PledgeState.Pledged:
                pledged.Add(currencyCode, pledge.Ledger.Amount.TotalNanos);
                break;
            case PledgeState.Committed:
                committed.Add(currencyCode, pledge.Ledger.Amount.TotalNanos);
                break;
        }

        paid.Add(currencyCode, pledge.Ledger.Paid.TotalNanos);
    }

    /// <summary>One request's budget: the gap is measured against <paramref name="approved"/> when set, else <paramref name="indicative"/>.</summary>
    public void AddBudget(Google.Type.Money? indicative, Google.Type.Money? approved)
    {
        if (indicative is not null)
        {
            indicativeBudget.Add(indicative);
            hasIndicativeBudget = true;
        }

        if ((approved ?? indicative) is not { } measure)
        {
            return;
        }

        budget.Add(measure);
        var requestBasis = approved is null ? BudgetBasis.Indicative : BudgetBasis.Approved;
        basis = basis == BudgetBasis.Unspecified || basis == requestBasis ? requestBasis : BudgetBasis.Mixed;
    }

    public FundingTotals Build(ExchangeRateTable rates)
    {
        var unconverted = new SortedSet<string>(StringComparer.Ordinal);
        var totals = new FundingTotals
        {
            Allocated = { allocated.ToMoney() },
            Disbursed = { disbursed.ToMoney() },
            Offered = { offered.ToMoney() },
            IndicativeBudget = { indicativeBudget.ToMoney() },
            Budget = { budget.ToMoney() },
            BudgetBasis = basis,
            AllocatedUsd = ToUsd(allocated, rates, unconverted, out var allocatedUsd),
            DisbursedUsd = ToUsd(disbursed, rates, unconverted, out _),
            OfferedUsd = ToUsd(offered, rates, unconverted, out _),
        };
        if (hasIndicativeBudget)
        {
            totals.IndicativeBudgetUsd = ToUsd(indicativeBudget, rates, unconverted, out _);
        }

        if (basis != BudgetBasis.Unspecified)
        {
            totals.BudgetUsd = ToUsd(budget, rates, unconverted, out var budgetUsd);
            totals.GapUsd = SignedMoney.FromTotalNanos(budgetUsd - allocatedUsd, ExchangeRateTable.ReportingCurrency);
        }

        if (hasPledges)
        {
            totals.Pledged.AddRange(pledged.ToMoney());
            totals.Committed.AddRange(committed.ToMoney());
            totals.Paid.AddRange(paid.ToMoney());
            totals.PledgedUsd = ToUsd(pledged, rates, unconverted, out _);
            totals.CommittedUsd = ToUsd(committed, rates, unconverted, out _);
            totals.PaidUsd = ToUsd(paid, rates, unconverted, out _);
        }

        totals.UnconvertedCurrencies.AddRange(unconverted);
        return totals;
    }

    /// <summary>The amounts in USD nanos, or null when one of their currencies has no rate.</summary>
    public static BigInteger? ToUsdNanos(CurrencyTotals totals, ExchangeRateTable rates)
    {
        var unconverted = new SortedSet<string>(StringComparer.Ordinal);
        ToUsd(totals, rates, unconverted, out var usdNanos);
        return unconverted.Count == 0 ? usdNanos : null;
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

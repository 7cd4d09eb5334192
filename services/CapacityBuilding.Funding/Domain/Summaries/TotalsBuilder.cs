using System.Numerics;
using CapacityBuilding.Contracts.Funding.V1;
using CapacityBuilding.Funding.Domain.ExchangeRates;
using CapacityBuilding.Funding.Domain.Money;
using CapacityBuilding.Funding.Repositories;

namespace CapacityBuilding.Funding.Domain.Summaries;

/// <summary>
/// Adds up one group's money per currency (the sums <see cref="ReportTotals"/> keeps, and budgets)
/// and turns it into <see cref="FundingTotals"/>: original currencies kept, USD figures from <see cref="ExchangeRateTable"/>, the gap as budget minus
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

    /// <summary>
    /// One sum kept by <see cref="ReportTotals"/>, as the records it sums would add it: allocated,
    /// offered, pledged and committed money appear when there is some, disbursed and paid whenever
    /// the group has an allocation or pledge in that currency (as zero before any is paid), and a
    /// pledge figure of any amount says the group was given pledges.
    /// </summary>
    public void AddTotal(GroupTotal total)
    {
        var (figure, currencyCode, totalNanos) = (total.Figure, total.CurrencyCode, total.TotalNanos);
        if (figure is ReportTotals.Pledged or ReportTotals.Committed or ReportTotals.Paid)
        {
            hasPledges = true;
        }

        if (totalNanos.IsZero && figure is not (ReportTotals.Disbursed or ReportTotals.Paid))
        {
            return;
        }

        var sums = figure switch
        {
            ReportTotals.Allocated => allocated,
            ReportTotals.Offered => offered,
            ReportTotals.Disbursed => disbursed,
            ReportTotals.Pledged => pledged,
            ReportTotals.Committed => committed,
            ReportTotals.Paid => paid,
            _ => throw new InvalidOperationException($"Unknown funding total '{figure}' in Redis."),
        };
        sums.Add(currencyCode, totalNanos);
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
        AddBasis(approved is null ? BudgetBasis.Indicative : BudgetBasis.Approved);
    }

    /// <summary>A group of requests' budgets as assistance sums them (<see cref="Contracts.Assistance.V1.BudgetTotals"/>): the same figures as adding each request's.</summary>
    public void AddBudgets(Contracts.Assistance.V1.BudgetTotals totals)
    {
        foreach (var money in totals.IndicativeBudget)
        {
            indicativeBudget.Add(money);
        }

        foreach (var money in totals.Budget)
        {
            budget.Add(money);
        }

        hasIndicativeBudget |= totals.RequestsWithIndicativeBudget > 0;
        if (totals.ApprovedBudgetRequests > 0)
        {
            AddBasis(BudgetBasis.Approved);
        }

        if (totals.IndicativeBudgetRequests > 0)
        {
            AddBasis(BudgetBasis.Indicative);
        }
    }

    /// <summary>
    /// One of a donor's budget sums (<see cref="DonorBudgets"/>), as adding each of its requests'
    /// budgets would: a sum in a currency, or a number of requests. A sum back at zero is of
    /// requests no longer funded (budgets are positive), so it adds no currency.
    /// </summary>
    public void AddBudgetTotal(GroupTotal total)
    {
        if (total.TotalNanos.IsZero)
        {
            return;
        }

        switch (total.Figure)
        {
            case DonorBudgets.Indicative:
                indicativeBudget.Add(total.CurrencyCode, total.TotalNanos);
                break;
            case DonorBudgets.Budget:
                budget.Add(total.CurrencyCode, total.TotalNanos);
                break;
            case DonorBudgets.WithIndicative:
                hasIndicativeBudget = true;
                break;
            case DonorBudgets.ApprovedBasis:
                AddBasis(BudgetBasis.Approved);
                break;
            case DonorBudgets.IndicativeBasis:
                AddBasis(BudgetBasis.Indicative);
                break;
            default:
                throw new InvalidOperationException($"Unknown budget sum '{total.Figure}' in Redis.");
        }
    }

    private void AddBasis(BudgetBasis requestBasis) =>
        basis = basis == BudgetBasis.Unspecified || basis == requestBasis ? requestBasis : BudgetBasis.Mixed;

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

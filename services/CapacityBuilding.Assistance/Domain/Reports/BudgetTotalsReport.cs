using System.Numerics;
using CapacityBuilding.Assistance.Repositories;
using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.Contracts.Common.V1;
using CapacityBuilding.ServiceDefaults.Errors;

namespace CapacityBuilding.Assistance.Domain.Reports;

/// <summary>
/// The budgets of the funded requests per group and currency, from the sums kept with every
/// request write (<see cref="BudgetCounters"/>): one hash read, whatever the number of requests.
/// The parts of each sum (billions, units, nanos) are put together here, exactly; a sum beyond
/// google.type.Money's 64-bit units is refused rather than wrapped.
/// </summary>
public sealed class BudgetTotalsReport(RedisRequestCounterRepository counters, ApiErrors errors)
{
    private static readonly BigInteger NanosPerUnit = 1_000_000_000;

    public async Task<GetBudgetTotalsResponse> BuildAsync()
    {
        var groups = new SortedDictionary<string, GroupSums>(StringComparer.Ordinal);
        foreach (var (field, amount) in await counters.ReadBudgetsAsync())
        {
            var parts = field.Split('|');
            if (!groups.TryGetValue(parts[0], out var sums))
            {
                sums = new GroupSums();
                groups.Add(parts[0], sums);
            }

            sums.Add(parts, amount);
        }

        var response = new GetBudgetTotalsResponse { Programme = groups.TryGetValue(BudgetCounters.Programme, out var programme) ? Build(programme) : new BudgetTotals() };
        response.ThematicAreas.AddRange(groups
            .Where(group => group.Key.StartsWith(BudgetCounters.ThemePrefix, StringComparison.Ordinal))
            .Select(group => new ThematicAreaBudgetTotals
            {
                ThematicArea = Enum.Parse<ThematicArea>(group.Key[BudgetCounters.ThemePrefix.Length..]),
                Totals = Build(group.Value),
            })
            .OrderBy(area => area.ThematicArea));
        response.Regions.AddRange(groups
            .Where(group => group.Key.StartsWith(BudgetCounters.RegionPrefix, StringComparison.Ordinal))
            .Select(group => new RegionBudgetTotals { RegionCode = group.Key[BudgetCounters.RegionPrefix.Length..], Totals = Build(group.Value) }));
        return response;
    }

    private BudgetTotals Build(GroupSums sums)
    {
        var totals = new BudgetTotals
        {
            ApprovedBudgetRequests = sums.Counts.GetValueOrDefault(BudgetCounters.ApprovedBasis),
            IndicativeBudgetRequests = sums.Counts.GetValueOrDefault(BudgetCounters.IndicativeBasis),
            RequestsWithIndicativeBudget = sums.Counts.GetValueOrDefault(BudgetCounters.WithIndicative),
        };
        totals.IndicativeBudget.AddRange(ToMoney(sums.NanosOf(BudgetCounters.Indicative)));
        totals.Budget.AddRange(ToMoney(sums.NanosOf(BudgetCounters.Budget)));
        return totals;
    }

    private IEnumerable<Google.Type.Money> ToMoney(SortedDictionary<string, BigInteger> nanosByCurrency)
    {
        foreach (var (currencyCode, totalNanos) in nanosByCurrency)
        {
            var units = BigInteger.DivRem(totalNanos, NanosPerUnit, out var nanos);
            if (units > long.MaxValue || units < long.MinValue)
            {
                throw errors.FailedPrecondition(ErrorReasons.TotalOutOfRange,
                    $"The budgets in {currencyCode} add up to more than google.type.Money can carry (units are 64-bit); the figure cannot be given exactly.",
                    new Dictionary<string, string> { ["currency_code"] = currencyCode });
            }

            yield return new Google.Type.Money { CurrencyCode = currencyCode, Units = (long)units, Nanos = (int)nanos };
        }
    }

    /// <summary>One group's fields as read: the request counts, and each figure's parts as nanos per currency.</summary>
    private sealed class GroupSums
    {
        private readonly Dictionary<string, SortedDictionary<string, BigInteger>> nanos = new(StringComparer.Ordinal);

        public Dictionary<string, long> Counts { get; } = new(StringComparer.Ordinal);

        /// <param name="parts">The field split at '|': group, then <c>count</c> and which, or figure, currency and part.</param>
        public void Add(string[] parts, long amount)
        {
            if (parts[1] == BudgetCounters.Count)
            {
                Counts[parts[2]] = amount;
                return;
            }

            var scale = parts[3] switch
            {
                "b" => NanosPerUnit * BudgetCounters.UnitsPerBillion,
                "u" => NanosPerUnit,
                "n" => BigInteger.One,
                _ => throw new InvalidOperationException($"Unknown budget sum part '{parts[3]}' in Redis."),
            };
            var byCurrency = NanosOf(parts[1]);
            byCurrency[parts[2]] = byCurrency.GetValueOrDefault(parts[2]) + (amount * scale);
        }

        public SortedDictionary<string, BigInteger> NanosOf(string figure)
        {
            if (!nanos.TryGetValue(figure, out var byCurrency))
            {
                byCurrency = new SortedDictionary<string, BigInteger>(StringComparer.Ordinal);
                nanos.Add(figure, byCurrency);
            }

            return byCurrency;
        }
    }
}

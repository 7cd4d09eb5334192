using System.Numerics;
using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.Contracts.Common.V1;
using CapacityBuilding.ServiceDefaults.Regions;
using Google.Type;
using State = CapacityBuilding.Contracts.Assistance.V1.AssistanceRequest.Types.State;

namespace CapacityBuilding.Tests.Assistance;

/// <summary>
/// What <c>GetBudgetTotals</c> must answer, recounted from the requests themselves: every request
/// approved, in delivery, completed or suspended, listed, and its budgets added per group and
/// currency; and, from the requests a donor funds, the budgets of its own funding summary.
/// </summary>
internal static class BudgetRecount
{
    private static readonly State[] FundedStates = [State.Approved, State.InDelivery, State.Completed, State.Suspended];

    public static async Task<GetBudgetTotalsResponse> OfEveryFundedRequestAsync(AssistanceService.AssistanceServiceClient coordinator)
    {
        var requests = new List<AssistanceRequest>();
        foreach (var state in FundedStates)
        {
            var token = "";
            do
            {
                var page = await coordinator.ListAssistanceRequestsAsync(new ListAssistanceRequestsRequest { State = state, PageSize = 500, PageToken = token });
                requests.AddRange(page.AssistanceRequests);
                token = page.NextPageToken;
            }
            while (token.Length > 0);
        }

        return Of(requests);
    }

    /// <summary>The budgets of those of <paramref name="requests"/> that are funded (approved, in delivery, completed or suspended), added per group and currency.</summary>
    public static GetBudgetTotalsResponse Of(IEnumerable<AssistanceRequest> requests)
    {
        var programme = new Sums();
        var byTheme = new SortedDictionary<ThematicArea, Sums>();
        var byRegion = new SortedDictionary<string, Sums>(StringComparer.Ordinal);
        foreach (var request in requests.Where(request => FundedStates.Contains(request.State)))
        {
            programme.Add(request);
            foreach (var area in request.ThematicAreas.Distinct())
            {
                GroupOf(byTheme, area).Add(request);
            }

            if (M49Regions.Of(request.RequestingState) is { } region)
            {
                GroupOf(byRegion, region.SubRegionCode).Add(request);
            }
        }

        return new GetBudgetTotalsResponse
        {
            Programme = programme.ToTotals(),
            ThematicAreas = { byTheme.Select(entry => new ThematicAreaBudgetTotals { ThematicArea = entry.Key, Totals = entry.Value.ToTotals() }) },
            Regions = { byRegion.Select(entry => new RegionBudgetTotals { RegionCode = entry.Key, Totals = entry.Value.ToTotals() }) },
        };
    }

    private static Sums GroupOf<TKey>(SortedDictionary<TKey, Sums> groups, TKey key)
        where TKey : notnull
    {
        if (!groups.TryGetValue(key, out var sums))
        {
            sums = new Sums();
            groups.Add(key, sums);
        }

        return sums;
    }

    private sealed class Sums
    {
        private static readonly BigInteger NanosPerUnit = 1_000_000_000;

        private readonly SortedDictionary<string, BigInteger> indicative = new(StringComparer.Ordinal);
        private readonly SortedDictionary<string, BigInteger> budget = new(StringComparer.Ordinal);
        private long approvedRequests;
        private long indicativeRequests;
        private long withIndicative;

        public void Add(AssistanceRequest request)
        {
            if (request.IndicativeBudget is { } indicativeBudget)
            {
                withIndicative++;
                AddTo(indicative, indicativeBudget);
            }

            if ((request.ApprovedBudget ?? request.IndicativeBudget) is { } measure)
            {
                AddTo(budget, measure);
                if (request.ApprovedBudget is null)
                {
                    indicativeRequests++;
                }
                else
                {
                    approvedRequests++;
                }
            }
        }

        public BudgetTotals ToTotals() => new()
        {
            IndicativeBudget = { ToMoney(indicative) },
            Budget = { ToMoney(budget) },
            ApprovedBudgetRequests = approvedRequests,
            IndicativeBudgetRequests = indicativeRequests,
            RequestsWithIndicativeBudget = withIndicative,
        };

        private static void AddTo(SortedDictionary<string, BigInteger> sums, Money money) =>
            sums[money.CurrencyCode] = sums.GetValueOrDefault(money.CurrencyCode) + (money.Units * NanosPerUnit) + money.Nanos;

        private static IEnumerable<Money> ToMoney(SortedDictionary<string, BigInteger> sums) =>
            sums.Where(sum => !sum.Value.IsZero).Select(sum => new Money
            {
                CurrencyCode = sum.Key,
                Units = (long)BigInteger.DivRem(sum.Value, NanosPerUnit, out var nanos),
                Nanos = (int)nanos,
            });
    }
}

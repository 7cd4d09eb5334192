using CapacityBuilding.Assistance.Domain.Requests;
using CapacityBuilding.ServiceDefaults.Regions;
using StackExchange.Redis;
using State = CapacityBuilding.Contracts.Assistance.V1.AssistanceRequest.Types.State;

namespace CapacityBuilding.Assistance.Repositories;

/// <summary>
/// Budget sums of the requests the programme funds (approved, in delivery, completed, suspended),
/// changed by the same script that writes a request, so the funding summary reads them instead of
/// listing every request. In the hash <c>requests:budgets</c>, per group (<c>programme</c>,
/// <c>theme:{ThematicArea}</c>, <c>region:{M49 sub-region}</c>: the summary's groups), fields
/// <c>{group}|indicative|{currency}|{part}</c> and <c>{group}|budget|{currency}|{part}</c> (the
/// approved budget when set, else the indicative one: what the gap is measured against), each
/// amount split in parts <c>b</c> (billions of units), <c>u</c> (the remaining units) and <c>n</c>
/// (nanos) so no HINCRBY can overflow; and the numbers of requests <c>{group}|count|approved</c>
/// and <c>{group}|count|indicative</c> (measured against an approved or an indicative budget) and
/// <c>{group}|count|with-indicative</c> (having an indicative budget). <c>requests:budgets:counted</c> holds the ids counted;
/// a change of a request outside it changes no sum, and <see cref="Domain.Reports.BudgetCounterBackfill"/>
/// adds the requests stored before the sums existed, each once. A field that falls to zero is removed.
/// </summary>
public static class BudgetCounters
{
    public static readonly RedisKey Budgets = "requests:budgets";
    public static readonly RedisKey Counted = "requests:budgets:counted";

    public const string Programme = "programme";
    public const string ThemePrefix = "theme:";
    public const string RegionPrefix = "region:";
    public const string Indicative = "indicative";
    public const string Budget = "budget";
    public const string Count = "count";
    public const string ApprovedBasis = "approved";
    public const string IndicativeBasis = "indicative";
    public const string WithIndicative = "with-indicative";

    public const long UnitsPerBillion = 1_000_000_000;

    /// <summary>The states whose requests the funding summary counts.</summary>
    public static readonly IReadOnlySet<State> FundedStates = new HashSet<State> { State.Approved, State.InDelivery, State.Completed, State.Suspended };

    /// <summary>What one request adds to each field.</summary>
    public static IEnumerable<(string Field, long Amount)> EntriesOf(StoredAssistanceRequest request)
    {
        if (!FundedStates.Contains(request.State))
        {
            yield break;
        }

        var measure = request.ApprovedBudget ?? request.IndicativeBudget;
        foreach (var group in GroupsOf(request))
        {
            if (request.IndicativeBudget is { } indicative)
            {
                yield return ($"{group}|{Count}|{WithIndicative}", 1);
                foreach (var part in PartsOf(group, Indicative, indicative))
                {
                    yield return part;
                }
            }

            if (measure is null)
            {
                continue;
            }

            foreach (var part in PartsOf(group, Budget, measure))
            {
                yield return part;
            }

            yield return ($"{group}|{Count}|{(request.ApprovedBudget is null ? IndicativeBasis : ApprovedBasis)}", 1);
        }
    }

    /// <summary>The net change of every field when <paramref name="before"/> (null for a create) becomes <paramref name="after"/>, zeros left out.</summary>
    public static IEnumerable<(string Field, long Delta)> Changes(StoredAssistanceRequest? before, StoredAssistanceRequest after)
    {
        var deltas = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (field, amount) in before is null ? [] : EntriesOf(before))
        {
            deltas[field] = deltas.GetValueOrDefault(field) - amount;
        }

        foreach (var (field, amount) in EntriesOf(after))
        {
            deltas[field] = deltas.GetValueOrDefault(field) + amount;
        }

        return deltas.Where(change => change.Value != 0).Select(change => (change.Key, change.Value));
    }

    /// <summary>The argument of <c>request-write.lua</c> that changes one sum: <c>${delta}:{field}</c>.</summary>
    public static string Argument(string field, long delta) => $"${delta}:{field}";

    private static IEnumerable<string> GroupsOf(StoredAssistanceRequest request)
    {
        yield return Programme;
        foreach (var area in request.ThematicAreas.Distinct())
        {
            yield return ThemePrefix + area;
        }

        if (M49Regions.Of(request.RequestingState) is { } region)
        {
            yield return RegionPrefix + region.SubRegionCode;
        }
    }

    private static IEnumerable<(string Field, long Amount)> PartsOf(string group, string figure, StoredMoney money)
    {
        var prefix = $"{group}|{figure}|{money.CurrencyCode}|";
        yield return (prefix + "b", money.Units / UnitsPerBillion);
        yield return (prefix + "u", money.Units % UnitsPerBillion);
        yield return (prefix + "n", money.Nanos);
    }
}

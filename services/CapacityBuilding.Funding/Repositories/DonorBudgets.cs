using System.Globalization;
using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.ServiceDefaults.Regions;
using StackExchange.Redis;

namespace CapacityBuilding.Funding.Repositories;

/// <summary>
/// A donor's budget sums: the budgets of the requests its money funds, by the groups of its
/// summary (<see cref="ReportTotals.Programme"/>, theme, region), kept by the same scripts that
/// move the money, in the same step (<c>budget_sync</c> in <c>Scripts/totals-functions.lua</c>),
/// so a donor's summary reads one hash however many requests and allocations there are. Keys,
/// under the service's <c>funding:</c> prefix:
/// <list type="bullet">
/// <item><c>totals:donors:{donor}:budgets</c>: the sums, fields as <see cref="ReportTotals"/>'
/// (<c>{group}|{currency}|{figure}|g</c>, <c>|u</c>, <c>|n</c>, split the same way so no HINCRBY
/// overflows): figures <see cref="Indicative"/> and <see cref="Budget"/> per currency, and the
/// numbers of requests <see cref="WithIndicative"/>, <see cref="ApprovedBasis"/> and
/// <see cref="IndicativeBasis"/> in the currency <see cref="CountCurrency"/>, one unit per request.</item>
/// <item><c>donors:{donor}:budgeted-requests</c>: set of the requests whose entries are in its sums.</item>
/// <item><c>requests:{request}:budget-entries</c>: what the request adds to a donor's sums
/// (<see cref="EntriesOf"/>), stored when money first reaches it and never changed (its budget,
/// state and areas are fixed from approval on), so taking it off subtracts exactly what was added.</item>
/// <item><c>requests:{request}:funding-donors</c>: set of the donors with an ACTIVE allocation to
/// it, whose sums a withdrawal (a closure of the request to funding) takes it out of, and a
/// withdrawal that fails puts it back in.</item>
/// </list>
/// A request is in a donor's sums while the donor funds it (<see cref="ReportTotals.FundedRequestsOf"/>),
/// its entries are stored and it is not closed to funding: the requests of the donor that the
/// summary counted when it read them one by one (approved, in delivery, completed, suspended).
/// </summary>
public static class DonorBudgets
{
    public const string Indicative = "indicative-budget";
    public const string Budget = "budget";
    public const string WithIndicative = "requests-with-indicative";
    public const string ApprovedBasis = "requests-approved-basis";
    public const string IndicativeBasis = "requests-indicative-basis";

    /// <summary>ISO 4217's code for "no currency": the request counts are in it.</summary>
    public const string CountCurrency = "XXX";

    public static RedisKey SumsOf(string donorId) => $"totals:donors:{donorId}:budgets";

    public static RedisKey BudgetedRequestsOf(string donorId) => $"donors:{donorId}:budgeted-requests";

    public static RedisKey EntriesKeyOf(string requestId) => $"requests:{requestId}:budget-entries";

    public static RedisKey FundingDonorsOf(string requestId) => $"requests:{requestId}:funding-donors";

    /// <summary>
    /// What <paramref name="request"/> adds to a donor's sums, as the scripts take it: a line
    /// <c>figure units nanos groups</c> per figure, the groups as <c>totals_add</c> takes them. Its
    /// indicative budget and the one its gap is measured against (the approved one when set), and
    /// a count of one for each, in every group it belongs to: the figures the summary added for it.
    /// </summary>
    public static string EntriesOf(AssistanceRequest request)
    {
        var groups = ReportTotals.ProgrammeThemeAndRegion(request.ThematicAreas,
            M49Regions.Of(request.RequestingState) is { } region ? [region.SubRegionCode] : []);
        var lines = new List<string>();
        void Add(string figure, string currencyCode, long units, int nanos) =>
            lines.Add(string.Create(CultureInfo.InvariantCulture,
                $"{figure} {units} {nanos} {ReportTotals.Argument(currencyCode, groups.Select(group => (0, group)))}"));

        if (request.IndicativeBudget is { } indicative)
        {
            Add(Indicative, indicative.CurrencyCode, indicative.Units, indicative.Nanos);
            Add(WithIndicative, CountCurrency, 1, 0);
        }

        if ((request.ApprovedBudget ?? request.IndicativeBudget) is { } measure)
        {
            Add(Budget, measure.CurrencyCode, measure.Units, measure.Nanos);
            Add(request.ApprovedBudget is null ? IndicativeBasis : ApprovedBasis, CountCurrency, 1, 0);
        }

        return string.Join('\n', lines);
    }
}

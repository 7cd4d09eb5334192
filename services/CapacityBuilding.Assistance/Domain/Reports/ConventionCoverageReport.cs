using CapacityBuilding.Assistance.Domain.Convention;
using CapacityBuilding.Assistance.Repositories;
using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.Contracts.Common.V1;

namespace CapacityBuilding.Assistance.Domain.Reports;

/// <summary>
/// For each state and each thematic area of the Convention, the furthest its requests have come
/// (supported, in delivery, requested, never), from the coverage counters
/// (<see cref="RequestCounters"/>): the cost grows with the number of states, never with the
/// number of requests. "Each state" is every state with a request or a Convention status.
/// </summary>
public sealed class ConventionCoverageReport(RedisRequestCounterRepository counters, RedisConventionStatusRepository statuses)
{
    private static readonly Coverage[] Counted = [Coverage.Requested, Coverage.InDelivery, Coverage.Supported];

    /// <param name="country">One state only, or every state when null.</param>
    /// <param name="scope">Donors see the totals over the states, not the states.</param>
    public async Task<GetConventionCoverageResponse> BuildAsync(string? country, ReportScope scope)
    {
        var statusByCountry = (country is null ? await statuses.ListAsync() : [.. new[] { await statuses.GetAsync(country) }.OfType<StoredConventionStatus>()])
            .ToDictionary(status => status.Country, status => status.Status, StringComparer.Ordinal);
        var countries = country is null
            ? (await counters.ReadAsync(RequestCounters.Pipeline, null)).Select(entry => entry.Field[..entry.Field.IndexOf(':', StringComparison.Ordinal)])
                .Concat(statusByCountry.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList()
            : [country];
        var fields = country is null
            ? null
            : ConventionArticles.Areas.SelectMany(area => Counted.Select(coverage => RequestCounters.CoverageField(country, area, coverage))).ToList();
        var counts = (await counters.ReadAsync(RequestCounters.Coverage, fields)).ToDictionary(entry => entry.Field, entry => entry.Count, StringComparer.Ordinal);

        var states = countries.Select(state => new StateCoverage
        {
            RequestingState = state,
            ConventionStatus = statusByCountry.GetValueOrDefault(state),
            Areas = { ConventionArticles.Areas.Select(area => AreaOf(state, area, counts)) },
        }).ToList();
        var response = new GetConventionCoverageResponse { AreaTotals = { ConventionArticles.Areas.Select(area => TotalsOf(area, states)) } };
        if (scope != ReportScope.Aggregate)
        {
            response.States.Add(states);
        }

        return response;
    }

    private static AreaCoverage AreaOf(string country, ThematicArea area, Dictionary<string, long> counts)
    {
        long Count(Coverage coverage) => counts.GetValueOrDefault(RequestCounters.CoverageField(country, area, coverage));
        var coverage = new AreaCoverage
        {
            ThematicArea = area,
            Articles = { ConventionArticles.Of(area) },
            CompletedRequests = Count(Coverage.Supported),
            InDeliveryRequests = Count(Coverage.InDelivery),
            RequestedRequests = Count(Coverage.Requested),
        };
        coverage.Coverage = coverage.CompletedRequests > 0 ? Coverage.Supported
            : coverage.InDeliveryRequests > 0 ? Coverage.InDelivery
            : coverage.RequestedRequests > 0 ? Coverage.Requested
            : Coverage.Never;
        return coverage;
    }

    private static AreaCoverageTotals TotalsOf(ThematicArea area, IReadOnlyList<StateCoverage> states)
    {
        var reached = states.Select(state => state.Areas.Single(entry => entry.ThematicArea == area).Coverage).ToList();
        return new AreaCoverageTotals
        {
            ThematicArea = area,
            Articles = { ConventionArticles.Of(area) },
            SupportedStates = reached.Count(coverage => coverage == Coverage.Supported),
            InDeliveryStates = reached.Count(coverage => coverage == Coverage.InDelivery),
            RequestedStates = reached.Count(coverage => coverage == Coverage.Requested),
            NeverStates = reached.Count(coverage => coverage == Coverage.Never),
        };
    }
}

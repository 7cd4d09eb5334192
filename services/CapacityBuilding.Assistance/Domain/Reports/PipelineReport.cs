using CapacityBuilding.Assistance.Repositories;
using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.ServiceDefaults.Regions;
using State = CapacityBuilding.Contracts.Assistance.V1.AssistanceRequest.Types.State;

namespace CapacityBuilding.Assistance.Domain.Reports;

/// <summary>
/// Requests by lifecycle state per requesting state, per UN M49 sub-region and in total, from the
/// pipeline counters (<see cref="RequestCounters"/>): the cost grows with the number of states,
/// never with the number of requests. States M49 leaves out count in the total only.
/// </summary>
public sealed class PipelineReport(RedisRequestCounterRepository counters)
{
    private static readonly State[] States = [.. Enum.GetValues<State>().Where(state => state != State.Unspecified)];

    /// <param name="country">One state only, or every state when null.</param>
    /// <param name="scope">What the caller may see of the breakdown.</param>
    public async Task<GetPipelineReportResponse> BuildAsync(string? country, ReportScope scope)
    {
        var fields = country is null ? null : States.Select(state => RequestCounters.PipelineField(country, state)).ToList();
        var byCountry = new SortedDictionary<string, Dictionary<State, long>>(StringComparer.Ordinal);
        foreach (var (field, count) in await counters.ReadAsync(RequestCounters.Pipeline, fields))
        {
            var separator = field.IndexOf(':', StringComparison.Ordinal);
            var counts = byCountry.TryGetValue(field[..separator], out var found) ? found : byCountry[field[..separator]] = [];
            counts[Enum.Parse<State>(field[(separator + 1)..])] = count;
        }

        var response = new GetPipelineReportResponse { Total = Counts(byCountry.Values) };
        if (scope != ReportScope.Aggregate)
        {
            response.States.Add(byCountry.Select(entry => new StatePipeline { RequestingState = entry.Key, Counts = Counts([entry.Value]) }));
        }

        if (scope != ReportScope.OwnState)
        {
            response.Regions.Add(byCountry
                .Select(entry => (Region: M49Regions.Of(entry.Key), Counts: entry.Value))
                .Where(entry => entry.Region is not null)
                .GroupBy(entry => entry.Region!.SubRegionCode, StringComparer.Ordinal)
                .OrderBy(group => group.Key, StringComparer.Ordinal)
                .Select(group => new RegionPipeline
                {
                    RegionCode = group.Key,
                    RegionName = group.First().Region!.SubRegionName,
                    Counts = Counts(group.Select(entry => entry.Counts)),
                }));
        }

        return response;
    }

    private static PipelineCounts Counts(IEnumerable<Dictionary<State, long>> groups)
    {
        var sums = States.ToDictionary(state => state, _ => 0L);
        foreach (var (state, count) in groups.SelectMany(group => group))
        {
            sums[state] += count;
        }

        return new PipelineCounts
        {
            Counts = { States.Select(state => new StateCount { State = state, Count = sums[state] }) },
            Total = sums.Values.Sum(),
        };
    }
}

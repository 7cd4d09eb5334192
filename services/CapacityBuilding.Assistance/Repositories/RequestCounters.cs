using CapacityBuilding.Assistance.Domain.Convention;
using CapacityBuilding.Assistance.Domain.Requests;
using CapacityBuilding.Contracts.Assistance.V1;
using StackExchange.Redis;

namespace CapacityBuilding.Assistance.Repositories;

/// <summary>
/// Counters of requests, changed by the same script that writes a request (so they are exact
/// under any concurrency) and read by the dashboards' reports without looking at a request:
/// <list type="bullet">
/// <item><c>requests:pipeline</c>: hash, field <c>{country}:{State}</c> = requests of that state in that lifecycle state.</item>
/// <item><c>requests:coverage</c>: hash, field <c>{country}:{ThematicArea}:{Coverage}</c> = requests of that
/// state naming that area whose lifecycle state (a suspended one's: the state it was suspended from) counts as requested, in
/// delivery or supported (<see cref="CoverageBucket"/>).</item>
/// <item><c>requests:counted</c>: set of the ids whose contribution is in the counters. A change of
/// a request outside it changes no counter; <see cref="Domain.Reports.RequestCounterBackfill"/> adds
/// the requests stored before the counters existed, each once.</item>
/// </list>
/// A field that falls to zero is removed.
/// </summary>
public static class RequestCounters
{
    public static readonly RedisKey Pipeline = "requests:pipeline";
    public static readonly RedisKey Coverage = "requests:coverage";
    public static readonly RedisKey Counted = "requests:counted";

    public static string PipelineField(string country, AssistanceRequest.Types.State state) => $"{country}:{state}";

    public static string CoverageField(string country, Contracts.Common.V1.ThematicArea area, Coverage coverage) => $"{country}:{area}:{coverage}";

    /// <summary>The counters one request adds 1 to.</summary>
    public static IEnumerable<(RedisKey Key, string Field)> EntriesOf(StoredAssistanceRequest request)
    {
        yield return (Pipeline, PipelineField(request.RequestingState, request.State));
        var coverage = CoverageBucket.Of(request);
        if (coverage == Contracts.Assistance.V1.Coverage.Never)
        {
            yield break;
        }

        foreach (var area in request.ThematicAreas)
        {
            yield return (Coverage, CoverageField(request.RequestingState, area, coverage));
        }
    }

    /// <summary>The net change of every counter when <paramref name="before"/> (null for a create) becomes <paramref name="after"/>, zeros left out.</summary>
    public static IEnumerable<(RedisKey Key, string Field, int Delta)> Changes(StoredAssistanceRequest? before, StoredAssistanceRequest after)
    {
        var deltas = new Dictionary<(RedisKey Key, string Field), int>();
        foreach (var entry in before is null ? [] : EntriesOf(before))
        {
            deltas[entry] = deltas.GetValueOrDefault(entry) - 1;
        }

        foreach (var entry in EntriesOf(after))
        {
            deltas[entry] = deltas.GetValueOrDefault(entry) + 1;
        }

        return deltas.Where(change => change.Value != 0).Select(change => (change.Key.Key, change.Key.Field, change.Value));
    }

    /// <summary>The argument of <c>request-write.lua</c> that changes one counter: <c>#{delta}:{field}</c>.</summary>
    public static string Argument(string field, int delta) => $"#{delta}:{field}";
}

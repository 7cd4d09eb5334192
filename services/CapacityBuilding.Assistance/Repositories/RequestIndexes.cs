using CapacityBuilding.Assistance.Domain.Requests;
using StackExchange.Redis;

namespace CapacityBuilding.Assistance.Repositories;

/// <summary>
/// The sorted sets a request is listed in. Every set has score 0 so that members order
/// lexicographically and a page is a ZREVRANGEBYLEX from the cursor:
/// <list type="bullet">
/// <item>creation order: member = id (UUIDv7 hex, so lexicographic = creation order);
/// <c>requests:index</c> holds all, <c>requests:index:{dimension}:{value}</c> those matching one filter.</item>
/// <item>priority order: member = <c>{priority:000}:{id}</c>, so highest priority first, then
/// newest; <c>requests:priority-index</c> and <c>requests:priority-index:{dimension}:{value}</c>.</item>
/// </list>
/// Dimensions: <c>state</c>, <c>country</c>, <c>theme</c>, <c>type</c>, <c>dac</c> (eligible / ineligible).
/// Every pair of values of two different dimensions has a set too,
/// <c>requests:index:{dimension}:{value}:{dimension}:{value}</c> (dimensions in ordinal order), and
/// likewise under <c>requests:priority-index</c>: the exact answer of a two-filter listing, and the
/// walk of a listing with more filters starts from its smallest pair, so filters that are common
/// alone but rarely meet cost no walk through one filter's whole set. Pair sets are used by listings
/// once <see cref="PairsMigrated"/> says the requests stored before them were added.
/// </summary>
public static class RequestIndexes
{
    public const string State = "state";
    public const string Country = "country";
    public const string Theme = "theme";
    public const string Type = "type";
    public const string Dac = "dac";

    private const int TimePrefixLength = 12;

    /// <summary>The marker of <see cref="Domain.Requests.RequestPairIndexBackfill"/>: until it exists, pair sets may miss older requests.</summary>
    public static readonly RedisKey PairsMigrated = "migrations:request-pair-index";

    public static string DacValue(bool eligible) => eligible ? "eligible" : "ineligible";

    /// <summary>The key of one filter's index, or of the whole collection when <paramref name="filter"/> is null.</summary>
    public static RedisKey KeyOf(RequestOrder order, (string Dimension, string Value)? filter)
    {
        var root = order == RequestOrder.CreateTime ? "requests:index" : "requests:priority-index";
        return filter is { } f ? $"{root}:{f.Dimension}:{f.Value}" : root;
    }

    /// <summary>The key of the index of requests matching both filters, which are of different dimensions.</summary>
    public static RedisKey PairKeyOf(RequestOrder order, (string Dimension, string Value) one, (string Dimension, string Value) other)
    {
        var (first, second) = string.CompareOrdinal(one.Dimension, other.Dimension) < 0 ? (one, other) : (other, one);
        return $"{KeyOf(order, first)}:{second.Dimension}:{second.Value}";
    }

    /// <summary>Every pair of <paramref name="filters"/> of different dimensions, each once.</summary>
    public static IEnumerable<((string Dimension, string Value) One, (string Dimension, string Value) Other)> PairsOf(IReadOnlyList<(string Dimension, string Value)> filters) =>
        filters.SelectMany((one, i) => filters.Skip(i + 1).Where(other => other.Dimension != one.Dimension).Select(other => (one, other)));

    /// <summary>The member a request has in the indexes of <paramref name="order"/>.</summary>
    public static string MemberOf(RequestOrder order, string id, int priority) =>
        order == RequestOrder.CreateTime ? id : $"{priority:D3}:{id}";

    /// <summary>The id inside an index member.</summary>
    public static string IdOf(RequestOrder order, string member) =>
        order == RequestOrder.CreateTime ? member : member[4..];

    /// <summary>Every (index, member) pair the request belongs to.</summary>
    public static IEnumerable<(RedisKey Key, string Member)> EntriesOf(StoredAssistanceRequest request)
    {
        foreach (var order in (RequestOrder[])[RequestOrder.CreateTime, RequestOrder.Priority])
        {
            var member = MemberOf(order, request.Id, request.PriorityScore);
            var filters = FiltersOf(request).ToList();
            yield return (KeyOf(order, null), member);
            foreach (var filter in filters)
            {
                yield return (KeyOf(order, filter), member);
            }

            foreach (var (one, other) in PairsOf(filters))
            {
                yield return (PairKeyOf(order, one, other), member);
            }
        }
    }

    /// <summary>
    /// Whether <paramref name="request"/> belongs in the listing <paramref name="query"/>: in the
    /// index of every filter and inside the created window, as the page script decides.
    /// </summary>
    public static bool Matches(RequestListQuery query, StoredAssistanceRequest request)
    {
        var filters = FiltersOf(request).ToHashSet();
        var created = request.Id[..TimePrefixLength];
        return query.Filters.All(filters.Contains)
            && (query.CreatedFrom is not { } from || string.CompareOrdinal(created, TimePrefix(from)) >= 0)
            && (query.CreatedBefore is not { } before || string.CompareOrdinal(created, TimePrefix(before)) < 0);
    }

    /// <summary>The first 12 hex digits of the UUIDv7 ids created at <paramref name="time"/>: its Unix milliseconds.</summary>
    public static string TimePrefix(DateTimeOffset time) =>
        Math.Clamp(time.ToUnixTimeMilliseconds(), 0, 0xFFFF_FFFF_FFFF).ToString("x12", System.Globalization.CultureInfo.InvariantCulture);

    private static IEnumerable<(string, string)> FiltersOf(StoredAssistanceRequest request)
    {
        yield return (State, request.State.ToString());
        yield return (Country, request.RequestingState);
        yield return (Dac, DacValue(request.DacIncomeGroup != Contracts.Common.V1.DacIncomeGroup.Unspecified));
        foreach (var area in request.ThematicAreas)
        {
            yield return (Theme, area.ToString());
        }

        foreach (var type in request.AssistanceTypes)
        {
            yield return (Type, type.ToString());
        }
    }
}

using System.Globalization;
using CapacityBuilding.Assistance.Domain.Approvals;
using CapacityBuilding.Assistance.Domain.Convention;
using CapacityBuilding.Assistance.Domain.Requests;
using StackExchange.Redis;

namespace CapacityBuilding.Assistance.Repositories;

/// <summary>
/// The sorted sets that find a request's overlaps without reading its state's other requests:
/// <c>requests:overlap-index:{country}:{ThematicArea}</c> holds every active request
/// (<see cref="ActiveRequests"/>) of that requesting state naming that area, member
/// <c>{start:yyyyMMdd}:{end:yyyyMMdd}:{id}</c> at score 0 (a missing start is <c>00000000</c>, a
/// missing end <c>99999999</c>), so members order by desired start. Candidates for an overlap are
/// the members of the areas sharing an article with the request's (<see cref="ConventionArticles.SharingArticlesWith"/>)
/// that start on or before its end, read up to that bound and kept when they end on or after its
/// start (<c>Scripts/request-overlap-candidates.lua</c>). The request writes change these sets in the
/// same script as the document. <c>migrations:request-overlap-index:{states}</c> marks the sets built
/// for the requests stored before them, for this set of active states (<see cref="OverlapIndexBackfill"/>).
/// </summary>
public static class OverlapIndex
{
    private const string NoStart = "00000000";
    private const string NoEnd = "99999999";

    /// <summary>The marker key: named after the active states, so that a changed set builds the index again.</summary>
    public static RedisKey Built { get; } = "migrations:request-overlap-index:" + string.Join('+', ActiveRequests.States.Order());

    public static RedisKey KeyOf(string country, Contracts.Common.V1.ThematicArea area) => $"requests:overlap-index:{country}:{area}";

    /// <summary>Every (set, member) pair of <paramref name="request"/>: none unless it is active.</summary>
    public static IEnumerable<(RedisKey Key, string Member)> EntriesOf(StoredAssistanceRequest request)
    {
        if (!ActiveRequests.Includes(request))
        {
            yield break;
        }

        var member = $"{Day(request.DesiredStart, NoStart)}:{Day(request.DesiredEnd, NoEnd)}:{request.Id}";
        foreach (var area in request.ThematicAreas.Distinct())
        {
            yield return (KeyOf(request.RequestingState, area), member);
        }
    }

    /// <summary>The sets to search for <paramref name="request"/>'s overlaps: those of every area sharing an article with its own.</summary>
    public static RedisKey[] KeysToSearch(StoredAssistanceRequest request) =>
        [.. ConventionArticles.SharingArticlesWith(request.ThematicAreas).Select(area => KeyOf(request.RequestingState, area))];

    /// <summary>The arguments of <c>request-overlap-candidates.lua</c>: the last member to read, the day a candidate must end on or after, the request's own id.</summary>
    public static RedisValue[] SearchArguments(StoredAssistanceRequest request) =>
        [request.DesiredEnd is null ? "+" : $"({Day(request.DesiredEnd, NoEnd)};", Day(request.DesiredStart, NoStart), request.Id];

    private static string Day(DateOnly? day, string none) => day?.ToString("yyyyMMdd", CultureInfo.InvariantCulture) ?? none;
}

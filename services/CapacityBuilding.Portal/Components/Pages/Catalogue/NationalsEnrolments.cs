using System.Globalization;
using CapacityBuilding.ServiceDefaults.Redis;

namespace CapacityBuilding.Portal.Components.Pages.Catalogue;

/// <summary>
/// The enrolments a country's focal points made through the portal, so that they can find them
/// again: the training service lists a session's enrolments to coordinators and auditors only, and
/// offers a member state no list of its own. Only names are kept; every page reads each
/// enrolment from the service (GetEnrolment, which shows a member state its own nationals only),
/// so state and waitlist position are always the service's.
/// Key (under the portal's prefix <c>portal:</c>): <c>catalogue:enrolments:{country}</c>, a sorted
/// set of enrolment names scored by when they were made (Unix milliseconds).
/// </summary>
public static class NationalsEnrolments
{
    public static Task RememberAsync(RedisKeyspace keyspace, string country, string enrolmentName, DateTimeOffset madeAt) =>
        keyspace.Database.SortedSetAddAsync(KeyOf(country), enrolmentName, madeAt.ToUnixTimeMilliseconds());

    /// <summary>One page, newest first; the token is the next page's offset, empty on the last page.</summary>
    public static async Task<(IReadOnlyList<string> Names, string NextPageToken)> PageAsync(RedisKeyspace keyspace, string country, string? pageToken, int pageSize)
    {
        var start = int.TryParse(pageToken, NumberStyles.None, CultureInfo.InvariantCulture, out var offset) ? offset : 0;
        var found = await keyspace.Database.SortedSetRangeByRankAsync(KeyOf(country), start, start + pageSize, StackExchange.Redis.Order.Descending);
        var names = found.Take(pageSize).Select(name => name.ToString()).ToList();
        return (names, found.Length > pageSize ? (start + pageSize).ToString(CultureInfo.InvariantCulture) : "");
    }

    private static string KeyOf(string country) => "catalogue:enrolments:" + country;
}

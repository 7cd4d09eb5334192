using CapacityBuilding.Assistance.Clients;
using CapacityBuilding.Assistance.Repositories;

namespace CapacityBuilding.Assistance.Domain.Requests;

/// <summary>
/// A donor's listing of requests: only those its money funds, newest first (request ids grow with
/// their creation time), whatever <c>order_by</c> asks, because that is the order of funding's
/// index of the donor's funded requests. Ids come a page at a time from funding
/// (<see cref="DonorFunding"/>), and only those requests are read and matched against the
/// listing's filters, until the page is full or the index is exhausted: a page is never short
/// while a token says there is more, and an unfiltered page costs about its page of requests,
/// not the donor's allocations (a filter few of them match reads on through the index).
/// The cursor is the token of funding's page that held the page's last request and that
/// request's id, so the next listing starts again from that page of ids and skips every id not
/// older than the last one returned: it resumes exactly even when the index changed in between.
/// </summary>
public sealed class DonorRequestListing(DonorFunding donorFunding, RedisAssistanceRequestRepository requests)
{
    private const char CursorSeparator = ' ';

    public async Task<(IReadOnlyList<StoredAssistanceRequest> Items, string? NextCursor)> ListAsync(
        string donorId, RequestListQuery query, int pageSize, string? cursor, CancellationToken cancellationToken)
    {
        var (fundingToken, after) = Parse(cursor);
        var matches = new List<(StoredAssistanceRequest Request, string FundingToken)>(pageSize + 1);
        do
        {
            var (ids, next) = await donorFunding.FundedRequestIdsAsync(donorId, pageSize, fundingToken, cancellationToken);
            var unseen = ids.Where(id => after is null || string.CompareOrdinal(id, after) < 0).ToArray();
            foreach (var request in await requests.GetManyAsync(unseen))
            {
                if (matches.Count <= pageSize && RequestIndexes.Matches(query, request))
                {
                    matches.Add((request, fundingToken));
                }
            }

            fundingToken = next;
        }
        while (matches.Count <= pageSize && fundingToken.Length > 0);

        var page = matches.Take(pageSize).ToList();
        return ([.. page.Select(match => match.Request)], matches.Count > pageSize ? $"{page[^1].FundingToken}{CursorSeparator}{page[^1].Request.Id}" : null);
    }

    /// <summary>Funding's page token (empty for its first page) and the last id returned, or a start from the beginning.</summary>
    private static (string FundingToken, string? After) Parse(string? cursor) =>
        cursor?.LastIndexOf(CursorSeparator) is { } at and >= 0 ? (cursor[..at], cursor[(at + 1)..]) : ("", null);
}

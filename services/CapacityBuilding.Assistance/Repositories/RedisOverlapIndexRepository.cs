using CapacityBuilding.Assistance.Domain.Approvals;
using CapacityBuilding.Assistance.Domain.Requests;
using CapacityBuilding.Assistance.Repositories.Scripts;
using CapacityBuilding.ServiceDefaults.Redis;
using StackExchange.Redis;

namespace CapacityBuilding.Assistance.Repositories;

/// <summary>
/// Reads the overlap index <see cref="OverlapIndex"/> describes (written by the request writes of
/// <see cref="RedisAssistanceRequestRepository"/>), and adds the requests stored before it once.
/// </summary>
public sealed class RedisOverlapIndexRepository(RedisKeyspace keyspace)
{
    private const int BackfillBatch = 500;

    private readonly IDatabase database = keyspace.Database;

    // Once built the index stays built: the marker is read until it is seen, never after.
    private volatile bool built;

    /// <summary>Whether the index holds the requests stored before it too (<see cref="OverlapIndex.Built"/>).</summary>
    public async Task<bool> IsBuiltAsync() => built || (built = await database.KeyExistsAsync(OverlapIndex.Built));

    /// <summary>
    /// The ids of the active requests <paramref name="request"/> overlaps, in no particular order:
    /// the sets searched hold only requests sharing an area or an article with it, and the script
    /// keeps only those sharing a day, so each id is an overlap as <see cref="Domain.Approvals.Overlap"/> finds it.
    /// </summary>
    public async Task<string[]> OverlappingIdsAsync(StoredAssistanceRequest request)
    {
        var ids = (RedisValue[])(await database.ScriptEvaluateAsync(
            AssistanceScripts.RequestOverlapCandidates, OverlapIndex.KeysToSearch(request), OverlapIndex.SearchArguments(request)))!;
        return [.. ids.Select(id => (string)id!)];
    }

    /// <summary>
    /// Ids of the stored requests in an active state, <see cref="BackfillBatch"/> at a time. Each
    /// state's index is walked by member, not by rank, so that a request leaving it meanwhile
    /// makes the walk skip no other.
    /// </summary>
    public async IAsyncEnumerable<string[]> ActiveIdsAsync()
    {
        foreach (var state in ActiveRequests.States)
        {
            var index = RequestIndexes.KeyOf(RequestOrder.CreateTime, (RequestIndexes.State, state.ToString()));
            var after = RedisValue.Null;
            while (await database.SortedSetRangeByValueAsync(index, after, exclude: after.IsNull ? Exclude.None : Exclude.Start, take: BackfillBatch) is { Length: > 0 } members)
            {
                yield return [.. members.Select(member => (string)member!)];
                after = members[^1];
            }
        }
    }

    /// <summary>Adds <paramref name="request"/>, as read, to its sets unless it changed since.</summary>
    public async Task<OverlapIndexAddOutcome> AddAsync(StoredAssistanceRequest request)
    {
        var entries = OverlapIndex.EntriesOf(request).ToList();
        RedisKey[] keys = [RedisAssistanceRequestRepository.KeyOf(request.Id), .. entries.Select(entry => entry.Key)];
        RedisValue[] arguments = [request.Etag, .. entries.Select(entry => (RedisValue)entry.Member)];
        var reply = await ScriptReply.RunScriptAsync(database, AssistanceScripts.RequestOverlapIndexAdd, keys, arguments);
        return reply.Status switch
        {
            "ADDED" => OverlapIndexAddOutcome.Added,
            "NOT_FOUND" => OverlapIndexAddOutcome.NotFound,
            "STALE" => OverlapIndexAddOutcome.Stale,
            _ => throw reply.Unexpected("request-overlap-index-add"),
        };
    }
}

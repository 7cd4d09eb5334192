using CapacityBuilding.Assistance.Domain.Requests;
using CapacityBuilding.Assistance.Repositories;

namespace CapacityBuilding.Assistance.Domain.Approvals;

/// <summary>
/// The requests an approval of a request would overlap: the same state's active requests
/// (<see cref="ActiveRequests"/>) that share an area or a Convention article and some days with it
/// (<see cref="Overlap"/>). They come from the overlap index (<see cref="OverlapIndex"/>), so the
/// cost is the number of active requests of the state in related areas starting before this one
/// ends, never every request of the state; until that index is built for the requests stored
/// before it, from the state's own listing index.
/// </summary>
public sealed class OverlapFinder(RedisAssistanceRequestRepository requests, RedisOverlapIndexRepository index)
{
    /// <summary>The overlaps, newest other request first.</summary>
    public async Task<IReadOnlyList<Overlap>> FindAsync(StoredAssistanceRequest request)
    {
        var candidates = await index.IsBuiltAsync()
            ? await requests.GetManyAsync(await index.OverlappingIdsAsync(request))
            : await requests.ListOfCountryInAsync(request.RequestingState, ActiveRequests.States);
        return [.. candidates
            .Where(other => other.Id != request.Id && ActiveRequests.Includes(other))
            .OrderByDescending(other => other.Id, StringComparer.Ordinal)
            .Select(other => Overlap.Between(request, other))
            .OfType<Overlap>()];
    }

    /// <summary>The ids of the overlapping requests, newest first, as <see cref="FindAsync"/> finds them but without reading them once the index is built: what an approval names and counts.</summary>
    public async Task<IReadOnlyList<string>> FindIdsAsync(StoredAssistanceRequest request) =>
        await index.IsBuiltAsync()
            ? [.. (await index.OverlappingIdsAsync(request)).Order(StringComparer.Ordinal).Reverse()]
            : [.. (await FindAsync(request)).Select(overlap => overlap.Other.Id)];
}

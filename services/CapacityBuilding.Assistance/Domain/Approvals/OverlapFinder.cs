using CapacityBuilding.Assistance.Domain.Requests;
using CapacityBuilding.Assistance.Repositories;
using State = CapacityBuilding.Contracts.Assistance.V1.AssistanceRequest.Types.State;

namespace CapacityBuilding.Assistance.Domain.Approvals;

/// <summary>
/// The requests an approval of a request would overlap: the same state's requests that are active
/// or funded (approved or in delivery, or suspended from either: a pause does not give up the
/// work), read from that state's own index, that share an area or a Convention article and some
/// days with it (<see cref="Overlap"/>).
/// </summary>
public sealed class OverlapFinder(RedisAssistanceRequestRepository requests)
{
    private static readonly State[] Active = [State.Approved, State.InDelivery, State.Suspended];

    /// <summary>The overlaps, newest other request first.</summary>
    public async Task<IReadOnlyList<Overlap>> FindAsync(StoredAssistanceRequest request) =>
        [.. (await requests.ListOfCountryInAsync(request.RequestingState, Active))
            .Where(other => other.Id != request.Id)
            .Select(other => Overlap.Between(request, other))
            .OfType<Overlap>()];
}

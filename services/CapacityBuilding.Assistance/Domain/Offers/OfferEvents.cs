using CapacityBuilding.Assistance.Domain.History;
using CapacityBuilding.Assistance.Domain.Requests;
using CapacityBuilding.Assistance.Repositories;
using CapacityBuilding.ServiceDefaults.Resources;
using Action = CapacityBuilding.Contracts.Assistance.V1.HistoryEntry.Types.Action;

namespace CapacityBuilding.Assistance.Domain.Offers;

/// <summary>
/// An offer event as the request's history records it: an entry about the offer (its
/// <c>subject</c>) appended to the request's chain. The request itself is unchanged but for its
/// etag, update time and history head, so its state and content digest stay what they were, and
/// any other change of the request (a lifecycle step, another offer event) read before this one
/// makes the write stale rather than forking the chain.
/// </summary>
public static class OfferEvents
{
    public static OfferHistoryWrite Record(StoredAssistanceRequest request, string offerName, Action action, string actor, string reason, DateTimeOffset now)
    {
        var requestName = AssistanceRequestNames.Request.Format(request.Id);
        var touched = request with { UpdateTime = now, Etag = Etags.New() };
        var entry = HistoryChain.Record(requestName, request.HistoryLength, request.HistoryHead, touched,
            new HistoryEntryFacts(actor, now, action, request.State, reason, [], offerName));
        return new OfferHistoryWrite(request, touched with { HistoryLength = entry.Sequence, HistoryHead = entry.Hash }, entry);
    }
}

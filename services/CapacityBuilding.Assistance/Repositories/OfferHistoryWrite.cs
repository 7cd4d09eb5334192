using CapacityBuilding.Assistance.Domain.History;
using CapacityBuilding.Assistance.Domain.Requests;

namespace CapacityBuilding.Assistance.Repositories;

/// <summary>
/// The request's side of an offer write that is an event of its history: the request as read
/// (its etag must still be stored), the request with its new history head, and the entry.
/// </summary>
public sealed record OfferHistoryWrite(StoredAssistanceRequest Current, StoredAssistanceRequest Updated, StoredHistoryEntry Entry);

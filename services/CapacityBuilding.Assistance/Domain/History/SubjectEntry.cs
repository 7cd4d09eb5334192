using CapacityBuilding.Assistance.Domain.Requests;
using CapacityBuilding.ServiceDefaults.Resources;

namespace CapacityBuilding.Assistance.Domain.History;

/// <summary>
/// A history entry about something a request holds (a delivery event, an outcome) rather than a
/// change of the request itself: the request keeps its state and content, and takes a new etag,
/// update time and history head, written in the same script as the entry. The new etag is what
/// makes a lifecycle change computed before the entry (a completion checking the results) fail
/// its conditional write and look again.
/// </summary>
public static class SubjectEntry
{
    /// <summary>The request's next version and the entry <paramref name="facts"/> make of <paramref name="current"/> (named <paramref name="name"/>).</summary>
    public static (StoredAssistanceRequest Updated, StoredHistoryEntry Entry) Append(string name, StoredAssistanceRequest current, HistoryEntryFacts facts)
    {
        var edited = current with { UpdateTime = facts.Time, Etag = Etags.New() };
        var entry = HistoryChain.Record(name, current.HistoryLength, current.HistoryHead, edited, facts);
        return (edited with { HistoryLength = entry.Sequence, HistoryHead = entry.Hash }, entry);
    }
}

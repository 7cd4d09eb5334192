using System.Security.Cryptography;
using System.Text.Json;
using CapacityBuilding.Assistance.Domain.Requests;
using CapacityBuilding.Assistance.Repositories;

namespace CapacityBuilding.Assistance.Domain.History;

/// <summary>
/// The tamper-evident chain of a request's history: each entry's hash is the SHA-256 of its
/// content serialized as JSON (always the same bytes for the same content: source-generated,
/// fixed property order), and that content includes the previous entry's hash. Changing,
/// removing or reordering an entry breaks its own link or the next one; cutting entries off the
/// end no longer matches the head the request records.
/// </summary>
public static class HistoryChain
{
    /// <summary>The previous hash of the first entry.</summary>
    public static readonly string Genesis = new('0', 64);

    public static StoredHistoryEntry Append(HistoryEntryContent content) =>
        new(content.Sequence, content.Actor, content.Time, content.Action, content.FromState, content.ToState,
            content.Reason, content.PreviousHash, HashOf(content));

    public static string HashOf(HistoryEntryContent content) =>
        Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(content, AssistanceJsonContext.Default.HistoryEntryContent)));

    /// <summary>The first entry that does not verify, or null when the chain is intact.</summary>
    public static (long Sequence, string Problem)? FirstBrokenLink(IReadOnlyList<StoredHistoryEntry?> entries, StoredAssistanceRequest request)
    {
        var previousHash = Genesis;
        for (var i = 0; i < entries.Count; i++)
        {
            var sequence = i + 1L;
            if (entries[i] is not { } entry)
            {
                return (sequence, "the entry cannot be read.");
            }

            if (entry.Sequence != sequence)
            {
                return (sequence, $"the entry says it is number {entry.Sequence}.");
            }

            if (entry.PreviousHash != previousHash)
            {
                return (sequence, "previous_hash does not match the hash of the entry before.");
            }

            if (HashOf(entry.Content) != entry.Hash)
            {
                return (sequence, "hash does not match the entry's content.");
            }

            previousHash = entry.Hash;
        }

        if (entries.Count < request.HistoryLength)
        {
            return (entries.Count + 1, $"the request records {request.HistoryLength} entries but only {entries.Count} are stored.");
        }

        if (entries.Count > request.HistoryLength || previousHash != request.HistoryHead)
        {
            return (Math.Max(request.HistoryLength, 1), "the last entry is not the one the request records as its latest.");
        }

        return null;
    }
}

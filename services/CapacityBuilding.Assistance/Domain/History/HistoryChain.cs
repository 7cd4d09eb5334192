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
/// end no longer matches the head the request records. From <see cref="CurrentVersion"/> on, an
/// entry also covers the request's name and <see cref="RequestDigest"/> of the request after the
/// change, so the latest entry must match the stored request: editing the request alone breaks it.
/// Version 1 entries (written before) verify as they were hashed; a chain never goes back from 2 to 1.
/// </summary>
public static class HistoryChain
{
    /// <summary>Entries hashed without the request's name and content digest.</summary>
    public const int FirstVersion = 1;

    /// <summary>The version every new entry is written with.</summary>
    public const int CurrentVersion = 2;

    /// <summary>The previous hash of the first entry.</summary>
    public static readonly string Genesis = new('0', 64);

    private static StoredHistoryEntry Append(HistoryEntryContent content) =>
        new(content.Sequence, content.Actor, content.Time, content.Action, content.FromState, content.ToState,
            content.Reason, content.PreviousHash, HashOf(content), content.ChainVersion, content.Resource, content.ContentDigest, content.ChangedFields, content.Subject);

    /// <summary>
    /// The entry recording a change of the request named <paramref name="resource"/> to
    /// <paramref name="after"/>, whose history so far has <paramref name="after"/>'s predecessor's
    /// length and head (<paramref name="length"/>, <paramref name="head"/>).
    /// </summary>
    public static StoredHistoryEntry Record(string resource, long length, string head, StoredAssistanceRequest after, HistoryEntryFacts facts) =>
        Append(new HistoryEntryContent(CurrentVersion, resource, length + 1, facts.Actor, facts.Time, facts.Action, facts.FromState, after.State,
            facts.Reason, facts.ChangedFields, RequestDigest.Of(after), head, facts.Subject));

    /// <summary>The first entry that does not verify, or null when the chain is intact.</summary>
    public static (long Sequence, string Problem)? FirstBrokenLink(IReadOnlyList<StoredHistoryEntry?> entries, StoredAssistanceRequest request, string name)
    {
        var previousHash = Genesis;
        var version = FirstVersion;
        for (var i = 0; i < entries.Count; i++)
        {
            var sequence = i + 1L;
            if (entries[i] is not { } entry)
            {
                return (sequence, "the entry cannot be read.");
            }

            if (ProblemOf(entry, sequence, previousHash, version, name) is { } problem)
            {
                return (sequence, problem);
            }

            previousHash = entry.Hash;
            version = entry.ChainVersion;
        }

        if (entries.Count < request.HistoryLength)
        {
            return (entries.Count + 1, $"the request records {request.HistoryLength} entries but only {entries.Count} are stored.");
        }

        if (entries.Count > request.HistoryLength || previousHash != request.HistoryHead)
        {
            return (Math.Max(request.HistoryLength, 1), "the last entry is not the one the request records as its latest.");
        }

        if (entries.Count > 0 && entries[^1] is { ChainVersion: CurrentVersion } latest && latest.ContentDigest != RequestDigest.Of(request))
        {
            return (latest.Sequence, "the stored request is not the one this entry records: it was changed without a history entry.");
        }

        return null;
    }

    private static string? ProblemOf(StoredHistoryEntry entry, long sequence, string previousHash, int previousVersion, string name)
    {
        if (entry.Sequence != sequence)
        {
            return $"the entry says it is number {entry.Sequence}.";
        }

        if (entry.PreviousHash != previousHash)
        {
            return "previous_hash does not match the hash of the entry before.";
        }

        if (entry.ChainVersion is not (FirstVersion or CurrentVersion) || entry.ChainVersion < previousVersion)
        {
            return $"chain version {entry.ChainVersion} cannot follow version {previousVersion}.";
        }

        if (entry.ChainVersion == CurrentVersion && entry.Resource != name)
        {
            return $"the entry belongs to {entry.Resource}.";
        }

        return HashOf(entry) == entry.Hash ? null : "hash does not match the entry's content.";
    }

    private static string HashOf(StoredHistoryEntry entry) => entry.ChainVersion == FirstVersion
        ? HashOf(new HistoryEntryContentV1(entry.Sequence, entry.Actor, entry.Time, entry.Action, entry.FromState, entry.ToState, entry.Reason, entry.PreviousHash))
        : HashOf(new HistoryEntryContent(entry.ChainVersion, entry.Resource, entry.Sequence, entry.Actor, entry.Time, entry.Action,
            entry.FromState, entry.ToState, entry.Reason, entry.ChangedFields ?? [], entry.ContentDigest, entry.PreviousHash, entry.Subject));

    private static string HashOf(HistoryEntryContent content) => Sha256Hex(JsonSerializer.SerializeToUtf8Bytes(content, AssistanceJsonContext.Default.HistoryEntryContent));

    private static string HashOf(HistoryEntryContentV1 content) => Sha256Hex(JsonSerializer.SerializeToUtf8Bytes(content, AssistanceJsonContext.Default.HistoryEntryContentV1));

    private static string Sha256Hex(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}

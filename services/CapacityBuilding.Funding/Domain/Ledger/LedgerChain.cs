using System.Security.Cryptography;
using System.Text.Json;
using CapacityBuilding.Funding.Domain.Money;
using CapacityBuilding.Funding.Domain.Pledges;
using CapacityBuilding.Funding.Repositories;
using State = CapacityBuilding.Contracts.Funding.V1.Pledge.Types.State;

namespace CapacityBuilding.Funding.Domain.Ledger;

/// <summary>
/// The tamper-evident ledger of one pledge: every change of its money or state (create, commit,
/// cancel, allocate, propose, confirm, release, disburse, contribute) appends an entry in the same script as the change. An
/// entry's hash is the SHA-256 of its content's JSON (source-generated, fixed property order),
/// which includes the pledge's name and the previous entry's hash; the pledge's ledger hash keeps
/// the chain's length and head. One chain per pledge, not one for all funding: every allocation
/// already runs a script on its pledge, so the chain adds no contention between pledges.
/// Verification replays the chain: for a pledge whose chain starts with its creation, the state,
/// the remaining balance and the paid total the replay gives must be the stored ones, so editing a balance in
/// Redis is found even when no entry was touched.
/// </summary>
public static class LedgerChain
{
    public const int CurrentVersion = 1;

    public static readonly string Genesis = new('0', 64);

    public static StoredLedgerEntry Record(string chain, long length, string head, DateTimeOffset time, LedgerEvent @event, string subject, Amount amount)
    {
        var content = new LedgerEntryContent(CurrentVersion, chain, length + 1, time, @event, subject, amount.Units, amount.Nanos, head);
        return new StoredLedgerEntry(content, HashOf(content));
    }

    /// <summary>The first entry that does not verify against its predecessor or the stored pledge; null when intact.</summary>
    public static (long Sequence, string Problem)? FirstBrokenLink(IReadOnlyList<StoredLedgerEntry?> entries, string chain, PledgeLedger ledger)
    {
        var previousHash = Genesis;
        var replay = new LedgerReplay();
        for (var i = 0; i < entries.Count; i++)
        {
            var sequence = i + 1L;
            if (ProblemOf(entries[i], sequence, previousHash, chain) is { } problem)
            {
                return (sequence, problem);
            }

            previousHash = entries[i]!.Hash;
            replay.Apply(entries[i]!.Content);
        }

        if (entries.Count < ledger.ChainLength)
        {
            return (entries.Count + 1, $"the pledge records {ledger.ChainLength} ledger entries but only {entries.Count} are stored.");
        }

        if (entries.Count > ledger.ChainLength || previousHash != ledger.ChainHead)
        {
            return (Math.Max(ledger.ChainLength, 1), "the last entry is not the one the pledge records as its latest.");
        }

        if (replay.Complete && (replay.State != ledger.State || replay.Amount != ledger.Amount || replay.Remaining != ledger.Remaining || replay.Paid != ledger.Paid))
        {
            return (Math.Max(entries.Count, 1),
                $"replaying the ledger gives {replay.State}, {replay.Remaining} of {replay.Amount} remaining, {replay.Paid} paid; the pledge says {ledger.State}, {ledger.Remaining} of {ledger.Amount}, {ledger.Paid} paid.");
        }

        return null;
    }

    private static string? ProblemOf(StoredLedgerEntry? entry, long sequence, string previousHash, string chain)
    {
        if (entry is null)
        {
            return "the entry cannot be read.";
        }

        var content = entry.Content;
        if (content.Sequence != sequence)
        {
            return $"the entry says it is number {content.Sequence}.";
        }

        if (content.PreviousHash != previousHash)
        {
            return "previous_hash does not match the hash of the entry before.";
        }

        if (content.Chain != chain)
        {
            return $"the entry belongs to {content.Chain}.";
        }

        return HashOf(content) == entry.Hash ? null : "hash does not match the entry's content.";
    }

    private static string HashOf(LedgerEntryContent content) =>
        Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(content, FundingJsonContext.Default.LedgerEntryContent)));

    /// <summary>The pledge's state and balance as its entries tell them; only meaningful when the chain starts with the creation.</summary>
    private sealed class LedgerReplay
    {
        public bool Complete { get; private set; }

        public State State { get; private set; }

        public Amount Amount { get; private set; }

        public Amount Remaining { get; private set; }

        public Amount Paid { get; private set; }

        public void Apply(LedgerEntryContent entry)
        {
            var amount = new Amount(entry.Units, entry.Nanos);
            switch (entry.Event)
            {
                case LedgerEvent.PledgeCreate when entry.Sequence == 1:
                    (Complete, State, Amount, Remaining) = (true, State.Pledged, amount, amount);
                    break;
                case LedgerEvent.PledgeCommit:
                    State = State.Committed;
                    break;
                case LedgerEvent.PledgeCancel:
                    State = State.Cancelled;
                    break;
                case LedgerEvent.Allocate or LedgerEvent.Propose:
                    Remaining -= amount;
                    break;
                case LedgerEvent.Release:
                    Remaining += amount;
                    break;
                case LedgerEvent.Contribute:
                    Paid += amount;
                    break;
            }
        }
    }
}

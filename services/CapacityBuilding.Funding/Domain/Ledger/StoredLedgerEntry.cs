namespace CapacityBuilding.Funding.Domain.Ledger;

/// <summary>An entry of a pledge's ledger chain as stored: its content and the SHA-256 of it (<see cref="LedgerChain"/>).</summary>
public sealed record StoredLedgerEntry(LedgerEntryContent Content, string Hash);

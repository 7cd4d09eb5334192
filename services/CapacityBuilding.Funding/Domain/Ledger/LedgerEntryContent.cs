namespace CapacityBuilding.Funding.Domain.Ledger;

/// <summary>
/// What one entry of a pledge's ledger chain says; its hash covers exactly these fields, among
/// them the pledge's name (<see cref="Chain"/>) and the previous entry's hash.
/// </summary>
public sealed record LedgerEntryContent(
    int ChainVersion,
    string Chain,
    long Sequence,
    DateTimeOffset Time,
    LedgerEvent Event,
    string Subject,
    long Units,
    int Nanos,
    string PreviousHash);

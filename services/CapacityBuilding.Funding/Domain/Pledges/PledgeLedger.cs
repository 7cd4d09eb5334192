using CapacityBuilding.Funding.Domain.Money;
using State = CapacityBuilding.Contracts.Funding.V1.Pledge.Types.State;

namespace CapacityBuilding.Funding.Domain.Pledges;

/// <summary>
/// What changes about a pledge: its state, the money not yet allocated or proposed, the length and
/// last hash of its ledger chain (<see cref="Ledger.LedgerChain"/>; 0 and the genesis hash for a
/// pledge last changed before the chain existed), and the money paid in against it.
/// </summary>
public sealed record PledgeLedger(
    State State, Amount Amount, Amount Remaining, string Etag, DateTimeOffset UpdateTime, long ChainLength, string ChainHead, Amount Paid);

/// <summary>A pledge as read: its fixed terms and its ledger.</summary>
public sealed record PledgeRecord(StoredPledge Pledge, PledgeLedger Ledger);

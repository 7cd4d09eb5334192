using CapacityBuilding.Funding.Domain.Money;
using State = CapacityBuilding.Contracts.Funding.V1.Pledge.Types.State;

namespace CapacityBuilding.Funding.Domain.Pledges;

/// <summary>What changes about a pledge: its state and the money not yet allocated.</summary>
public sealed record PledgeLedger(State State, Amount Amount, Amount Remaining, string Etag, DateTimeOffset UpdateTime);

/// <summary>A pledge as read: its fixed terms and its ledger.</summary>
public sealed record PledgeRecord(StoredPledge Pledge, PledgeLedger Ledger);

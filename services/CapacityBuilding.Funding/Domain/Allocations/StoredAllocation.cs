using CapacityBuilding.Contracts.Common.V1;
using CapacityBuilding.Funding.Domain.Money;
using State = CapacityBuilding.Contracts.Funding.V1.Allocation.Types.State;

namespace CapacityBuilding.Funding.Domain.Allocations;

/// <summary>
/// What never changes about an allocation. The request's requesting state and thematic areas are
/// kept as they were when the money was allocated, so that summaries by region and theme need no
/// call to the assistance service per allocation.
/// </summary>
public sealed record StoredAllocation(
    string Id,
    string DonorId,
    string PledgeId,
    string RequestId,
    string CurrencyCode,
    long Units,
    int Nanos,
    string RequestingState,
    IReadOnlyList<ThematicArea> ThematicAreas,
    DateOnly AllocationDate,
    DateTimeOffset CreateTime)
{
    public Amount Amount => new(Units, Nanos);
}

/// <summary>What changes about an allocation: its state and the money not yet disbursed.</summary>
public sealed record AllocationLedger(State State, Amount Amount, Amount Undisbursed, string Etag, DateTimeOffset? ReleaseTime)
{
    public Amount Disbursed => Amount - Undisbursed;
}

/// <summary>An allocation as read: its fixed terms and its ledger.</summary>
public sealed record AllocationRecord(StoredAllocation Allocation, AllocationLedger Ledger);

namespace CapacityBuilding.Funding.Domain.Disbursements;

/// <summary>Money paid out against an allocation, in the allocation's currency. Never changes.</summary>
public sealed record StoredDisbursement(
    string Id,
    string AllocationId,
    string CurrencyCode,
    long Units,
    int Nanos,
    DateOnly DisbursementDate,
    string Description,
    DateTimeOffset CreateTime);

namespace CapacityBuilding.Funding.Domain.Contributions;

/// <summary>Money paid in against a committed pledge, in the pledge's currency. Never changes.</summary>
public sealed record StoredContribution(
    string Id,
    string DonorId,
    string PledgeId,
    string CurrencyCode,
    long Units,
    int Nanos,
    DateOnly ReceivedDate,
    string Description,
    DateTimeOffset CreateTime);

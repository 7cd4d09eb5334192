namespace CapacityBuilding.Funding.Pledges;

/// <summary>
/// A pledge as the funding service stores it. The amount stays in the pledge's own currency as
/// whole units plus nanos, exactly as the donor gave it: money is never converted or rounded here.
/// </summary>
public sealed record StoredPledge(
    string Id,
    string DonorId,
    string CurrencyCode,
    long Units,
    int Nanos,
    DateTimeOffset CreateTime,
    string Etag);

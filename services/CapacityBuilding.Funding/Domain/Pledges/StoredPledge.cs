using CapacityBuilding.Contracts.Common.V1;

namespace CapacityBuilding.Funding.Domain.Pledges;

/// <summary>
/// What never changes about a pledge once it is made. The amount stays in the pledge's own
/// currency as whole units plus nanos, exactly as the donor gave it: money is never converted or
/// rounded here. What changes (state, balance) is in <see cref="PledgeLedger"/>.
/// </summary>
public sealed record StoredPledge(
    string Id,
    string DonorId,
    string CurrencyCode,
    long Units,
    int Nanos,
    DateOnly ValidFrom,
    DateOnly ValidUntil,
    StoredEarmarks Earmarks,
    DateTimeOffset CreateTime);

/// <summary>A pledge's earmarks; an empty list puts no restriction on its dimension.</summary>
public sealed record StoredEarmarks(
    IReadOnlyList<ThematicArea> ThematicAreas,
    IReadOnlyList<string> Regions,
    IReadOnlyList<string> Countries)
{
    public bool IsEmpty => ThematicAreas.Count == 0 && Regions.Count == 0 && Countries.Count == 0;
}

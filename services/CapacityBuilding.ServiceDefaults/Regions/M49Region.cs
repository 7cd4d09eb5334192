namespace CapacityBuilding.ServiceDefaults.Regions;

/// <summary>
/// Where a state lies in the UN M49 standard: its region, sub-region and, in Africa, the
/// Americas and the Channel Islands, its intermediate region (codes are three digits); and its
/// ISO 3166-1 alpha-2 code, which IATI uses for recipient countries.
/// </summary>
public sealed record M49Region(
    string Alpha2,
    string RegionCode,
    string RegionName,
    string SubRegionCode,
    string SubRegionName,
    string? IntermediateRegionCode,
    string? IntermediateRegionName)
{
    /// <summary>Every M49 area code the state belongs to, from the largest to the smallest.</summary>
    public IEnumerable<string> Codes =>
        IntermediateRegionCode is null ? [RegionCode, SubRegionCode] : [RegionCode, SubRegionCode, IntermediateRegionCode];
}

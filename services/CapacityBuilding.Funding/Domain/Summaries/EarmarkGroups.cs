using CapacityBuilding.Contracts.Common.V1;
using CapacityBuilding.Funding.Domain.Pledges;
using CapacityBuilding.ServiceDefaults.Regions;

namespace CapacityBuilding.Funding.Domain.Summaries;

/// <summary>
/// The thematic areas and UN M49 sub-regions a pledge's money is earmarked for, so that summaries
/// by theme and region can say what is pledged, committed and paid for each: a theme listed, the
/// sub-regions within a listed region (at any level) and those of the listed states.
/// Unearmarked money belongs to no theme or region, only to the programme and its donor.
/// </summary>
public static class EarmarkGroups
{
    public static IEnumerable<ThematicArea> ThemesOf(StoredEarmarks earmarks) => earmarks.ThematicAreas.Distinct();

    public static IEnumerable<string> SubRegionsOf(StoredEarmarks earmarks) =>
        earmarks.Regions.SelectMany(M49Regions.SubRegionsWithin)
            .Concat(earmarks.Countries.Select(country => M49Regions.Of(country)?.SubRegionCode).OfType<string>())
            .Distinct(StringComparer.Ordinal);
}

using CapacityBuilding.Contracts.Common.V1;
using CapacityBuilding.ServiceDefaults.Regions;

namespace CapacityBuilding.Funding.Domain.Pledges;

/// <summary>
/// Whether a pledge's earmarks allow its money to go to a request. Every dimension the donor
/// filled in must be met (a donor who earmarked Africa and child protection meant both); within a
/// dimension one match is enough: one shared thematic area, the requesting state inside one
/// listed M49 area at any level, or the requesting state listed.
/// </summary>
public static class EarmarkRules
{
    /// <returns>Null when covered, else why not, for the caller.</returns>
    public static string? WhyNotCovered(StoredEarmarks earmarks, string requestingState, IReadOnlyCollection<ThematicArea> thematicAreas)
    {
        if (earmarks.ThematicAreas.Count > 0 && !earmarks.ThematicAreas.Any(thematicAreas.Contains))
        {
            return $"the pledge is earmarked for thematic areas {string.Join(", ", earmarks.ThematicAreas)}, and the request concerns none of them";
        }

        if (earmarks.Regions.Count > 0)
        {
            var areas = M49Regions.Of(requestingState)?.Codes.ToHashSet(StringComparer.Ordinal) ?? [];
            if (!earmarks.Regions.Any(areas.Contains))
            {
                return $"the pledge is earmarked for UN M49 regions {string.Join(", ", earmarks.Regions)}, and {requestingState} lies in none of them";
            }
        }

        if (earmarks.Countries.Count > 0 && !earmarks.Countries.Contains(requestingState, StringComparer.Ordinal))
        {
            return $"the pledge is earmarked for {string.Join(", ", earmarks.Countries)}, not {requestingState}";
        }

        return null;
    }
}

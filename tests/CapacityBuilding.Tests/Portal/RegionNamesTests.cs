using System.Xml.Linq;
using CapacityBuilding.Testing;

namespace CapacityBuilding.Tests.Portal;

/// <summary>
/// Every UN M49 area the funding service knows (its region table, which decides earmarks and
/// groups the funding summary) has a name in the portal's code lists, and the portal names no
/// area the service does not know: a region the service answers is never shown as its bare code.
/// </summary>
public sealed class RegionNamesTests
{
    private const string KeyPrefix = "Region_";

    [Fact]
    public void The_portal_names_exactly_the_M49_areas_of_the_services_region_table()
    {
        var table = Path.Combine(RepositoryLayout.Root.FullName, "services", "CapacityBuilding.ServiceDefaults", "Data", "un-m49-regions.csv");
        var names = Path.Combine(RepositoryLayout.Root.FullName, "services", "CapacityBuilding.Portal", "Resources", "Localization", "CodeListNames.resx");

        // Columns: state, alpha-2, then code and name of the region, sub-region and intermediate region.
        var areasOfService = File.ReadLines(table).Skip(1)
            .Select(line => line.Split(','))
            .SelectMany(fields => new[] { fields[2], fields[4], fields[6] })
            .Where(code => code.Length > 0)
            .ToHashSet(StringComparer.Ordinal);
        var areasNamed = XDocument.Load(names).Root!.Elements("data")
            .Select(data => (string)data.Attribute("name")!)
            .Where(key => key.StartsWith(KeyPrefix, StringComparison.Ordinal))
            .Select(key => key[KeyPrefix.Length..])
            .ToHashSet(StringComparer.Ordinal);

        Assert.NotEmpty(areasOfService);
        Assert.True(areasOfService.SetEquals(areasNamed),
            $"unnamed: {string.Join(", ", areasOfService.Except(areasNamed))}; unknown to the service: {string.Join(", ", areasNamed.Except(areasOfService))}");
    }
}

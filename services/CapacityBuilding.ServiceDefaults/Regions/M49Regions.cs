using System.Collections.Frozen;

namespace CapacityBuilding.ServiceDefaults.Regions;

/// <summary>
/// The UN M49 geographic regions of every ISO 3166-1 alpha-3 state, shipped as data
/// (<c>Data/un-m49-regions.csv</c>, from the UN Statistics Division's standard country or area
/// codes for statistical use, with alpha-2 codes from Debian's iso-codes). States M49 leaves out (Antarctica, Taiwan) have no region.
/// </summary>
public static class M49Regions
{
    private const string ResourceName = "un-m49-regions.csv";

    private static readonly FrozenDictionary<string, M49Region> RegionsByState = Load();

    private static readonly FrozenDictionary<string, string> NamesByCode = RegionsByState.Values
        .SelectMany(region => new[]
        {
            (region.RegionCode, region.RegionName),
            (region.SubRegionCode, region.SubRegionName),
            (region.IntermediateRegionCode, region.IntermediateRegionName),
        })
        .Where(pair => pair.Item1 is not null)
        .DistinctBy(pair => pair.Item1)
        .ToFrozenDictionary(pair => pair.Item1!, pair => pair.Item2!, StringComparer.Ordinal);

    public static M49Region? Of(string alpha3) => RegionsByState.GetValueOrDefault(alpha3);

    /// <summary>The sub-regions that are, or lie within, the area <paramref name="code"/> (a region, sub-region or intermediate region).</summary>
    public static IEnumerable<string> SubRegionsWithin(string code) =>
        RegionsByState.Values.Where(region => region.Codes.Contains(code, StringComparer.Ordinal)).Select(region => region.SubRegionCode).Distinct(StringComparer.Ordinal);

    public static bool IsAreaCode(string code) => NamesByCode.ContainsKey(code);

    public static string? NameOf(string code) => NamesByCode.GetValueOrDefault(code);

    private static FrozenDictionary<string, M49Region> Load()
    {
        using var stream = typeof(M49Regions).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded data file '{ResourceName}' is missing from the build.");
        using var reader = new StreamReader(stream);
        reader.ReadLine();
        var regions = new Dictionary<string, M49Region>(StringComparer.Ordinal);
        while (reader.ReadLine() is { Length: > 0 } line)
        {
            // No field of this file contains a comma, so no quoting to undo.
            var fields = line.Split(',');
            regions.Add(fields[0], new M49Region(
                fields[1], fields[2], fields[3], fields[4], fields[5],
                fields[6].Length == 0 ? null : fields[6],
                fields[7].Length == 0 ? null : fields[7]));
        }

        return regions.ToFrozenDictionary(StringComparer.Ordinal);
    }
}

using System.Collections.Frozen;

namespace CapacityBuilding.ServiceDefaults.Validation;

/// <summary>
/// The officially assigned ISO 3166-1 alpha-3 codes, shipped as data
/// (<c>Data/iso-3166-1-alpha-3.csv</c>) so that a member state cannot be misspelt into existence.
/// </summary>
public static class CountryCodes
{
    private static readonly FrozenDictionary<string, string> NamesByCode = Load();

    public static bool IsAssigned(string code) => NamesByCode.ContainsKey(code);

    public static string? NameOf(string code) => NamesByCode.GetValueOrDefault(code);

    public static int Count => NamesByCode.Count;

    private static FrozenDictionary<string, string> Load()
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var row in EmbeddedCsv.ReadRows("iso-3166-1-alpha-3.csv"))
        {
            names.Add(row[0], row[1]);
        }

        return names.ToFrozenDictionary(StringComparer.Ordinal);
    }
}

using System.Collections.Frozen;

namespace CapacityBuilding.ServiceDefaults.Validation;

/// <summary>
/// ISO 4217 currency codes money can be pledged and spent in, shipped as data
/// (<c>Data/iso-4217.csv</c>, from Debian's iso-codes). Precious metals, bond-market units and
/// the testing and no-currency codes (XAU, XBA, XTS, XXX, ...) are left out: no donor pledges in them.
/// </summary>
public static class CurrencyCodes
{
    private static readonly FrozenSet<string> Codes =
        EmbeddedCsv.ReadRows("iso-4217.csv").Select(row => row[0]).ToFrozenSet(StringComparer.Ordinal);

    public static bool IsActive(string code) => Codes.Contains(code);
}

using System.Collections.Frozen;
using System.Globalization;
using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.Contracts.Common.V1;
using Microsoft.Extensions.Localization;

namespace CapacityBuilding.Portal.Localization;

/// <summary>
/// Code-list values by name in the user's language. Countries and languages come from the ICU data
/// .NET carries (a culture's display name, e.g. <c>anglais (Côte d’Ivoire)</c>, localized by ICU:
/// its region part is the country); thematic areas, DAC groups, request states and UN M49 regions
/// from Resources/Localization/CodeListNames.*.resx. A value without a name shows its code.
/// </summary>
public sealed class CodeListNames(IStringLocalizer<CodeListNames> names)
{
    // ISO 3166-1 alpha-3 to alpha-2, from every region .NET knows a culture of; the few
    // territories no culture is spoken in are named here.
    private static readonly FrozenDictionary<string, string> Alpha2ByAlpha3 = CultureInfo.GetCultures(CultureTypes.SpecificCultures)
        .Select(culture => new RegionInfo(culture.Name))
        .Select(region => KeyValuePair.Create(region.ThreeLetterISORegionName, region.TwoLetterISORegionName))
        .Concat(new Dictionary<string, string> { ["ATA"] = "AQ", ["ATF"] = "TF", ["BVT"] = "BV", ["HMD"] = "HM", ["SGS"] = "GS" })
        .DistinctBy(pair => pair.Key)
        .ToFrozenDictionary(StringComparer.Ordinal);

    // Any language will do: its name is cut off, leaving the region's.
    private const string CarrierLanguage = "en";

    /// <summary>Every country <see cref="CountryName"/> names, by ISO 3166-1 alpha-3 code, for a picker.</summary>
    public static IEnumerable<string> CountryCodes => Alpha2ByAlpha3.Keys.Where(code => code.All(char.IsAsciiLetterUpper));

    /// <summary>The country of an ISO 3166-1 alpha-3 code, e.g. <c>GHA</c> → <c>Ghana</c>.</summary>
    public string CountryName(string alpha3)
    {
        if (!Alpha2ByAlpha3.TryGetValue(alpha3, out var alpha2))
        {
            return alpha3;
        }

        var language = CultureInfo.GetCultureInfo(CarrierLanguage).DisplayName;
        var both = CultureInfo.GetCultureInfo($"{CarrierLanguage}-{alpha2}").DisplayName;
        return both.StartsWith(language, StringComparison.Ordinal)
            ? both[language.Length..].Trim(' ', '(', ')', '（', '）')
            : alpha3;
    }

    /// <summary>A language of a BCP 47 tag, e.g. <c>fr</c> → <c>French</c>, <c>français</c>, <c>francés</c>.</summary>
    public static string LanguageName(string tag)
    {
        try
        {
            return CultureInfo.GetCultureInfo(tag).DisplayName;
        }
        catch (CultureNotFoundException)
        {
            return tag;
        }
    }

    public string ThematicAreaName(ThematicArea area) => Named("ThematicArea_" + area);

    public string DacIncomeGroupName(DacIncomeGroup group) => Named("DacIncomeGroup_" + group);

    public string RequestStateName(AssistanceRequest.Types.State state) => Named("RequestState_" + state);

    /// <summary>
    /// A UN M49 region, sub-region or intermediate region of its three-digit code, by the name the
    /// UN Statistics Division gives it in the user's language, e.g. <c>202</c> → <c>Sub-Saharan Africa</c>,
    /// <c>Afrique subsaharienne</c>, <c>África subsahariana</c>.
    /// </summary>
    public string RegionName(string m49Code) => Named("Region_" + m49Code);

    private string Named(string key) => names[key];
}

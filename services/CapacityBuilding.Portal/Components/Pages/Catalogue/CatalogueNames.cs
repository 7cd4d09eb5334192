using Microsoft.Extensions.Localization;

namespace CapacityBuilding.Portal.Components.Pages.Catalogue;

/// <summary>
/// The training service's own code lists by name in the user's language (course levels, delivery
/// modes, target audiences, course and session statuses, enrolment states), from
/// Resources/Components/Pages/Catalogue/CatalogueNames.*.resx, keyed <c>{EnumType}_{Value}</c>.
/// </summary>
public sealed class CatalogueNames
{
    private CatalogueNames()
    {
    }
}

public static class CatalogueNamesExtensions
{
    public static string NameOf<TEnum>(this IStringLocalizer<CatalogueNames> names, TEnum value)
        where TEnum : struct, Enum => names[$"{typeof(TEnum).Name}_{value}"];

    /// <summary>Every value a person may choose: all but <c>Unspecified</c>, which the service refuses.</summary>
    public static IEnumerable<TEnum> Choices<TEnum>()
        where TEnum : struct, Enum => Enum.GetValues<TEnum>().Where(value => Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture) != 0);
}

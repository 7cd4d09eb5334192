using CapacityBuilding.Contracts.Common.V1;
using CapacityBuilding.Contracts.Funding.V1;
using CapacityBuilding.Contracts.Training.V1;
using CapacityBuilding.Portal.Components.Pages.Catalogue;
using CapacityBuilding.Portal.Components.Pages.Funding;
using CapacityBuilding.Portal.Localization;
using CapacityBuilding.ServiceDefaults.Errors;
using Microsoft.Extensions.Localization;

namespace CapacityBuilding.Portal.Import.Kinds;

/// <summary>
/// The code lists the templates use, named in the current UI language by the same resources the
/// pages show them with, so a value reads in a sheet as it reads on screen.
/// </summary>
public sealed class ImportCodeLists(CodeListNames codes, IStringLocalizer<CatalogueNames> catalogue, IStringLocalizer<FundingStrings> funding)
{
    public CodeList<ThematicArea> ThematicAreas() => OfEnum<ThematicArea>(codes.ThematicAreaName);

    public CodeList<TargetAudience> TargetAudiences() => OfEnum<TargetAudience>(value => catalogue.NameOf(value));

    public CodeList<CourseLevel> CourseLevels() => OfEnum<CourseLevel>(value => catalogue.NameOf(value));

    public CodeList<DeliveryMode> DeliveryModes() => OfEnum<DeliveryMode>(value => catalogue.NameOf(value));

    public CodeList<Donor.Types.Kind> DonorKinds() => OfEnum<Donor.Types.Kind>(value => funding["DonorKind_" + value]);

    public CodeList<string> Countries() => new(CodeListNames.CountryCodes.Order(StringComparer.Ordinal).Select(code => (code, code, codes.CountryName(code))));

    public CodeList<string> CourseLanguages() => new(Components.Pages.Catalogue.CourseLanguages.Tags.Select(tag => (tag, tag, CodeListNames.LanguageName(tag))));

    /// <summary>Every value but the unspecified one, coded by its proto name without the type's prefix (<c>ELECTRONIC_EVIDENCE</c>), that full name accepted too.</summary>
    private static CodeList<TEnum> OfEnum<TEnum>(Func<TEnum, string> name)
        where TEnum : struct, Enum
    {
        var prefix = ProtoEnumNames.Of(default(TEnum))[..^"UNSPECIFIED".Length];
        var values = CatalogueNamesExtensions.Choices<TEnum>().ToList();
        return new CodeList<TEnum>(
            values.Select(value => (value, ProtoEnumNames.Of(value)[prefix.Length..], name(value))),
            values.Select(value => (value, ProtoEnumNames.Of(value))));
    }
}

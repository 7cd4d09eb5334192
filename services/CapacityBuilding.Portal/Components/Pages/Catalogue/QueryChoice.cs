namespace CapacityBuilding.Portal.Components.Pages.Catalogue;

/// <summary>A filter's value from the query string: a named value of the enum other than Unspecified, or none.</summary>
public static class QueryChoice
{
    public static TEnum? Parse<TEnum>(string? value)
        where TEnum : struct, Enum =>
        Enum.TryParse<TEnum>(value, out var parsed) && Enum.IsDefined(parsed) && CatalogueNamesExtensions.Choices<TEnum>().Contains(parsed) ? parsed : null;
}

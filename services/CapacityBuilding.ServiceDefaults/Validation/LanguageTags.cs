namespace CapacityBuilding.ServiceDefaults.Validation;

/// <summary>
/// The languages the programme works in: the six official languages of the United Nations, as
/// BCP 47 primary language tags.
/// </summary>
public static class LanguageTags
{
    public static readonly IReadOnlyList<string> Supported = ["ar", "en", "es", "fr", "ru", "zh"];

    public static bool IsSupported(string tag) => Supported.Contains(tag, StringComparer.Ordinal);
}

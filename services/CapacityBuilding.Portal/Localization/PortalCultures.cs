using System.Globalization;

namespace CapacityBuilding.Portal.Localization;

/// <summary>
/// The UN's six languages. English, French and Spanish are complete; Arabic, Russian and Chinese
/// have the layout's strings and fall back to English elsewhere (resource fallback).
/// </summary>
public static class PortalCultures
{
    public const string Default = "en";

    public static readonly IReadOnlyList<string> Supported = ["en", "fr", "es", "ar", "ru", "zh"];

    /// <summary>The language's own name, as a picker shows it (<c>français</c>, <c>العربية</c>).</summary>
    public static string NativeNameOf(string culture)
    {
        var info = CultureInfo.GetCultureInfo(culture);
        return info.TextInfo.ToTitleCase(info.NativeName);
    }

    /// <summary><c>rtl</c> for right-to-left scripts (Arabic), for the page's <c>dir</c>.</summary>
    public static string DirectionOf(CultureInfo culture) => culture.TextInfo.IsRightToLeft ? "rtl" : "ltr";
}

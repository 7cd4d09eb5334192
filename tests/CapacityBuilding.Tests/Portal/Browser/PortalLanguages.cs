namespace CapacityBuilding.Tests.Portal.Browser;

/// <summary>
/// What the issue asks of each of the UN's six languages: every string in English, French and
/// Spanish; the layout's strings (and pages falling back to English) in Arabic, Russian and
/// Chinese; Arabic laid out right to left.
/// </summary>
public static class PortalLanguages
{
    public const string English = "en";

    public static readonly IReadOnlyList<string> Complete = [English, "fr", "es"];

    public static readonly IReadOnlyList<string> RightToLeft = ["ar"];

    /// <summary>The Unicode block (for <c>\p{Is...}</c>) each partly translated language is written in.</summary>
    public static readonly IReadOnlyDictionary<string, string> ScriptOfPartlyTranslated = new Dictionary<string, string>
    {
        ["ar"] = "Arabic",
        ["ru"] = "Cyrillic",
        ["zh"] = "CJKUnifiedIdeographs",
    };

    public static bool IsComplete(string language) => Complete.Contains(language);

    public static string DirectionOf(string language) => RightToLeft.Contains(language) ? "rtl" : "ltr";
}

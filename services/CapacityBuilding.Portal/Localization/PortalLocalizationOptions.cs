namespace CapacityBuilding.Portal.Localization;

/// <summary>Configuration section <c>Portal:Localization</c>.</summary>
public sealed class PortalLocalizationOptions
{
    public const string SectionName = "Portal:Localization";

    /// <summary>
    /// A string no resource file has renders as <c>[[missing:Key]]</c> (and is logged), so that a
    /// test reading the page fails on it. On in the test suite; off in production, where English
    /// (the key's neutral text) is the better answer than a marker.
    /// </summary>
    public bool FailOnMissingStrings { get; set; }
}

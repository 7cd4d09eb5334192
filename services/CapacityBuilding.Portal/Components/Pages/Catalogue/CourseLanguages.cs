namespace CapacityBuilding.Portal.Components.Pages.Catalogue;

/// <summary>The languages a course may be taught in: the UN's six official languages, as the service's <c>un_language</c> rule has them.</summary>
public static class CourseLanguages
{
    public static readonly IReadOnlyList<string> Tags = ["ar", "en", "es", "fr", "ru", "zh"];
}

using CapacityBuilding.Contracts.Common.V1;
using CapacityBuilding.Contracts.Training.V1;
using CapacityBuilding.Training.Domain.Courses;

namespace CapacityBuilding.Training.Domain.Search;

/// <summary>
/// The names of the search index sets (without the service prefix). Each set holds the ids of
/// the courses with one value of one criterion: <c>courses:by-theme:ELECTRONIC_EVIDENCE</c>,
/// <c>courses:by-word:evidencia</c>, ... A course is in exactly the sets <see cref="Of"/> names,
/// which the repository keeps true on every create and update.
/// </summary>
public static class CourseIndexKeys
{
    public static string Theme(ThematicArea value) => $"courses:by-theme:{value}";

    public static string Language(string value) => $"courses:by-language:{value}";

    public static string Level(CourseLevel value) => $"courses:by-level:{value}";

    public static string Mode(DeliveryMode value) => $"courses:by-mode:{value}";

    public static string Audience(TargetAudience value) => $"courses:by-audience:{value}";

    public static string Status(CourseStatus value) => $"courses:by-status:{value}";

    public static string Word(string value) => $"courses:by-word:{value}";

    public static IReadOnlySet<string> Of(StoredCourse course)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal)
        {
            Level(course.Level),
            Mode(course.DeliveryMode),
            Status(course.Status),
        };
        keys.UnionWith(course.ThematicAreas.Select(Theme));
        keys.UnionWith(course.Languages.Select(Language));
        keys.UnionWith(course.TargetAudiences.Select(Audience));
        keys.UnionWith(SearchWords.Of(course.Title, course.Summary).Select(Word));
        return keys;
    }
}

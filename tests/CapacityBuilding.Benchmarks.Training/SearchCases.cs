using CapacityBuilding.Contracts.Common.V1;
using CapacityBuilding.Contracts.Training.V1;

namespace CapacityBuilding.Benchmarks.Training;

/// <summary>The kinds of search a catalogue user makes, each with fresh random values per call.</summary>
internal static class SearchCases
{
    public static readonly IReadOnlyList<(string Name, Func<SyntheticCatalogue, SearchCoursesRequest> Build)> All =
    [
        ("no criteria (first page)", _ => new SearchCoursesRequest()),
        ("one theme", c => new SearchCoursesRequest { ThematicAreas = { Theme(c) } }),
        ("theme + language", c => new SearchCoursesRequest { ThematicAreas = { Theme(c) }, Languages = { Language(c) } }),
        (
            "2 themes + language + level + published",
            c => new SearchCoursesRequest
            {
                ThematicAreas = { TwoThemes(c) },
                Languages = { Language(c) },
                Levels = { c.Pick(Enum.GetValues<CourseLevel>()[1..]) },
                Statuses = { CourseStatus.Published },
            }
        ),
        ("audience + mode", c => new SearchCoursesRequest { Audiences = { c.Pick(Enum.GetValues<TargetAudience>()[1..]) }, DeliveryModes = { c.Pick(Enum.GetValues<DeliveryMode>()[1..]) } }),
        ("one word", c => new SearchCoursesRequest { Query = c.Word() }),
        ("two words + theme", c => new SearchCoursesRequest { Query = $"{c.Word()} {c.Word()}", ThematicAreas = { Theme(c) } }),
    ];

    private static ThematicArea Theme(SyntheticCatalogue c) => c.Pick(Enum.GetValues<ThematicArea>()[1..]);

    private static ThematicArea[] TwoThemes(SyntheticCatalogue c)
    {
        var first = Theme(c);
        var second = Theme(c);
        return second == first ? [first] : [first, second];
    }

    private static string Language(SyntheticCatalogue c) => c.Pick(["ar", "en", "es", "fr", "ru", "zh"]);
}

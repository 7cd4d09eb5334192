using CapacityBuilding.Benchmarks.Seeding;
using CapacityBuilding.Benchmarks.Suite;
using CapacityBuilding.Contracts.Common.V1;
using CapacityBuilding.Contracts.Training.V1;

namespace CapacityBuilding.Benchmarks.Cases;

/// <summary>
/// Case 8: SearchCourses over the seeded catalogue (<see cref="CourseSeeder"/>), one kind of
/// search a catalogue user makes per case, each call with fresh random values. One call at a
/// time, so that each figure is one client-to-client round trip, not a queue.
/// </summary>
internal static class CatalogueSearchCases
{
    private static readonly (string Id, string Name, Func<SyntheticCatalogue, SearchCoursesRequest> Build)[] Searches =
    [
        ("8a", "no criteria (first page)", _ => new SearchCoursesRequest()),
        ("8b", "one theme", c => new SearchCoursesRequest { ThematicAreas = { Theme(c) } }),
        ("8c", "theme + language", c => new SearchCoursesRequest { ThematicAreas = { Theme(c) }, Languages = { Language(c) } }),
        (
            "8d",
            "2 themes + language + level + published",
            c => new SearchCoursesRequest
            {
                ThematicAreas = { TwoThemes(c) },
                Languages = { Language(c) },
                Levels = { c.Pick(Enum.GetValues<CourseLevel>()[1..]) },
                Statuses = { CourseStatus.Published },
            }
        ),
        ("8e", "audience + mode", c => new SearchCoursesRequest { Audiences = { c.Pick(Enum.GetValues<TargetAudience>()[1..]) }, DeliveryModes = { c.Pick(Enum.GetValues<DeliveryMode>()[1..]) } }),
        ("8f", "one word", c => new SearchCoursesRequest { Query = c.Word() }),
        ("8g", "two words + theme", c => new SearchCoursesRequest { Query = $"{c.Word()} {c.Word()}", ThematicAreas = { Theme(c) } }),
    ];

    public static IReadOnlyList<BenchmarkCase> Over(BenchmarkSuite suite, int courses)
    {
        var training = new TrainingService.TrainingServiceClient(suite.Training);
        var queries = new SyntheticCatalogue(seed: 7);
        return [.. Searches.Select(search => new BenchmarkCase(
            search.Id,
            $"SearchCourses, {search.Name}, {ListingCases.Count(courses)} courses",
            "client -> training -> Redis",
            async () => await training.SearchCoursesAsync(search.Build(queries)),
            Callers: 1))];
    }

    private static ThematicArea Theme(SyntheticCatalogue c) => c.Pick(Enum.GetValues<ThematicArea>()[1..]);

    private static ThematicArea[] TwoThemes(SyntheticCatalogue c)
    {
        var first = Theme(c);
        var second = Theme(c);
        return second == first ? [first] : [first, second];
    }

    private static string Language(SyntheticCatalogue c) => c.Pick(["ar", "en", "es", "fr", "ru", "zh"]);
}

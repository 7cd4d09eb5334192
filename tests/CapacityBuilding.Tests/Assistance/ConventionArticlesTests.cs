using System.Text.RegularExpressions;
using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.Contracts.Common.V1;
using CapacityBuilding.Testing;
using CapacityBuilding.Tests.Infrastructure;

namespace CapacityBuilding.Tests.Assistance;

/// <summary>
/// The articles each thematic area stands for (what overlaps and the coverage report compare)
/// are the ones its enum comment names, and lie in the chapter it names. The chapters' article
/// ranges are those of the Convention's text (General Assembly resolution 79/243, annex; the text
/// the Ad Hoc Committee adopted as A/AC.291/L.15, 68 articles in nine chapters): no copy of it is
/// in the repository, so the table below is what to check against it (docs/assistance.md).
/// </summary>
[Collection(SuiteDefinition.Name)]
public sealed partial class ConventionArticlesTests(SuiteFixture suite)
{
    /// <summary>Chapter by Roman numeral: its first and last article.</summary>
    public static readonly IReadOnlyDictionary<string, (int First, int Last)> Chapters = new Dictionary<string, (int, int)>
    {
        ["I"] = (1, 6),     // General provisions
        ["II"] = (7, 21),   // Criminalization
        ["III"] = (22, 22), // Jurisdiction
        ["IV"] = (23, 34),  // Procedural measures and law enforcement
        ["V"] = (35, 52),   // International cooperation (48: joint investigations)
        ["VI"] = (53, 53),  // Preventive measures
        ["VII"] = (54, 56), // Technical assistance and information exchange
        ["VIII"] = (57, 58), // Mechanism of implementation
        ["IX"] = (59, 68),  // Final provisions
    };

    private readonly AssistanceService.AssistanceServiceClient coordinator = RequestLifecycleDriver.Coordinator(suite, "articles-coordinator");

    [Fact]
    public void The_chapters_cover_the_68_articles_once_in_order()
    {
        var articles = Chapters.Values.SelectMany(chapter => Enumerable.Range(chapter.First, chapter.Last - chapter.First + 1)).ToList();

        Assert.Equal(Enumerable.Range(1, 68), articles);
    }

    [Fact]
    public async Task Each_areas_articles_are_those_its_enum_comment_names_within_its_chapter()
    {
        var coverage = await coordinator.GetConventionCoverageAsync(new GetConventionCoverageRequest());
        var served = coverage.AreaTotals.ToDictionary(totals => totals.ThematicArea, totals => totals.Articles.ToList());
        var commented = CommentedArticles();

        Assert.Equal(Enum.GetValues<ThematicArea>().Length - 1, commented.Count);
        foreach (var (area, (chapter, articles)) in commented)
        {
            Assert.True(served.TryGetValue(area, out var actual), $"{area} is not in the coverage report");
            Assert.Equal(articles, actual);
            var (first, last) = Chapters[chapter];
            Assert.All(actual, article => Assert.InRange(article, first, last));
        }
    }

    /// <summary>Reads "Chapter II, articles 7-11", "Chapter V, article 41" or "Chapter IV" (as a whole) from each value's comment.</summary>
    private static Dictionary<ThematicArea, (string Chapter, List<int> Articles)> CommentedArticles()
    {
        var proto = File.ReadAllText(Path.Combine(RepositoryLayout.Root.FullName, "protos", "capacitybuilding", "common", "v1", "thematic_area.proto"));
        var result = new Dictionary<ThematicArea, (string, List<int>)>();
        foreach (Match match in AreaWithComment().Matches(proto))
        {
            var area = Enum.GetValues<ThematicArea>().Single(value => (int)value == int.Parse(match.Groups["number"].Value, System.Globalization.CultureInfo.InvariantCulture));
            var chapter = match.Groups["chapter"].Value;
            var (first, last) = match.Groups["first"].Success
                ? (Number(match.Groups["first"]), match.Groups["last"].Success ? Number(match.Groups["last"]) : Number(match.Groups["first"]))
                : Chapters[chapter];
            result[area] = (chapter, [.. Enumerable.Range(first, last - first + 1)]);
        }
        return result;
    }

    private static int Number(Group group) => int.Parse(group.Value, System.Globalization.CultureInfo.InvariantCulture);

    [GeneratedRegex(@"// Chapter (?<chapter>[IVX]+)(?:, articles? (?<first>\d+)(?:-(?<last>\d+))?)?[^\n]*\n(?:\s*//[^\n]*\n)*\s*THEMATIC_AREA_\w+ = (?<number>\d+);")]
    private static partial Regex AreaWithComment();
}

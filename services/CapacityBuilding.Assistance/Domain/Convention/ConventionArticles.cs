using System.Collections.Frozen;
using CapacityBuilding.Contracts.Common.V1;

namespace CapacityBuilding.Assistance.Domain.Convention;

/// <summary>
/// The articles of the UN Convention against Cybercrime each thematic area stands for, as the
/// <c>ThematicArea</c> enum's own comments state them: Chapter II (criminalization, articles 7-21),
/// Chapter IV (procedural measures, 23-34), Chapter V (international cooperation, 35-48) and
/// Chapter VI (preventive measures, 53). Electronic evidence is Chapter IV as a whole, legislation
/// Chapter II as a whole, so they share articles with the areas inside those chapters. Technical
/// assistance itself (Chapter VII, 54-56) is what every request is, not an area of it. The
/// chapters' article ranges are held by <c>ConventionStructure</c> in the tests (docs/assistance.md).
/// </summary>
public static class ConventionArticles
{
    private static readonly FrozenDictionary<ThematicArea, int[]> ArticlesByArea = new Dictionary<ThematicArea, int[]>
    {
        [ThematicArea.OffencesAgainstSystems] = Range(7, 11),
        [ThematicArea.IctFraudAndForgery] = Range(12, 13),
        [ThematicArea.OnlineChildProtection] = Range(14, 16),
        [ThematicArea.ProceedsOfCrime] = Range(17, 21),
        [ThematicArea.ProceduralMeasures] = Range(23, 34),
        [ThematicArea.ElectronicEvidence] = Range(23, 34),
        [ThematicArea.MutualLegalAssistance] = Range(35, 40),
        [ThematicArea.Network247] = Range(41, 41),
        [ThematicArea.InternationalCooperation] = Range(42, 48),
        [ThematicArea.Prevention] = Range(53, 53),
        [ThematicArea.Legislation] = Range(7, 21),
    }.ToFrozenDictionary();

    /// <summary>Every area of the Convention, in the enum's order.</summary>
    public static IReadOnlyList<ThematicArea> Areas { get; } = [.. Enum.GetValues<ThematicArea>().Where(area => area != ThematicArea.Unspecified)];

    /// <summary>The area's articles, ascending.</summary>
    public static IReadOnlyList<int> Of(ThematicArea area) => ArticlesByArea.GetValueOrDefault(area, []);

    /// <summary>The articles any of <paramref name="areas"/> stands for.</summary>
    public static ISet<int> Of(IEnumerable<ThematicArea> areas) => areas.SelectMany(Of).ToHashSet();

    /// <summary>The areas a request naming <paramref name="areas"/> can overlap: those areas and every area sharing an article with them, in the enum's order.</summary>
    public static IReadOnlyList<ThematicArea> SharingArticlesWith(IReadOnlyCollection<ThematicArea> areas)
    {
        var articles = Of(areas);
        return [.. Areas.Where(area => areas.Contains(area) || Of(area).Any(articles.Contains))];
    }

    private static int[] Range(int first, int last) => [.. Enumerable.Range(first, last - first + 1)];
}

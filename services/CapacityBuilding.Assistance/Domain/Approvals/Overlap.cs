using CapacityBuilding.Assistance.Domain.Convention;
using CapacityBuilding.Assistance.Domain.Requests;
using CapacityBuilding.Contracts.Common.V1;

namespace CapacityBuilding.Assistance.Domain.Approvals;

/// <summary>
/// Why another request of the same state overlaps a request: the areas and Convention articles
/// both cover, and the days both are wanted. A request without a desired start or end is taken as
/// wanted from or until any day (a submitted request has both).
/// </summary>
public sealed record Overlap(StoredAssistanceRequest Other, IReadOnlyList<ThematicArea> SharedAreas, IReadOnlyList<int> SharedArticles, DateOnly? Start, DateOnly? End)
{
    /// <summary>The overlap of <paramref name="other"/> with <paramref name="request"/>, or null when they share no article or no day.</summary>
    public static Overlap? Between(StoredAssistanceRequest request, StoredAssistanceRequest other)
    {
        var start = Later(request.DesiredStart, other.DesiredStart);
        var end = Earlier(request.DesiredEnd, other.DesiredEnd);
        if (start is { } first && end is { } last && first > last)
        {
            return null;
        }

        var sharedAreas = request.ThematicAreas.Intersect(other.ThematicAreas).Order().ToList();
        var sharedArticles = ConventionArticles.Of(request.ThematicAreas).Intersect(ConventionArticles.Of(other.ThematicAreas)).Order().ToList();
        return sharedAreas.Count == 0 && sharedArticles.Count == 0 ? null : new Overlap(other, sharedAreas, sharedArticles, start, end);
    }

    private static DateOnly? Later(DateOnly? a, DateOnly? b) => a is null ? b : b is null ? a : a > b ? a : b;

    private static DateOnly? Earlier(DateOnly? a, DateOnly? b) => a is null ? b : b is null ? a : a < b ? a : b;
}

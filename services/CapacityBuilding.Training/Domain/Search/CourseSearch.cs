namespace CapacityBuilding.Training.Domain.Search;

/// <summary>
/// A search as index sets: a course matches when, for every group, it is in at least one of the
/// group's sets. No group means every course.
/// </summary>
public sealed record CourseSearch(IReadOnlyList<IReadOnlyList<string>> Groups)
{
    /// <summary>A stable text of the search, for page tokens that must not be replayed against another search.</summary>
    public string Fingerprint =>
        string.Join(";", Groups.Select(group => string.Join(",", group.Order(StringComparer.Ordinal))).Order(StringComparer.Ordinal));
}

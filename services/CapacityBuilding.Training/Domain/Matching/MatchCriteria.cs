using CapacityBuilding.Contracts.Common.V1;

namespace CapacityBuilding.Training.Domain.Matching;

/// <summary>A validated MatchCourses request: what is needed, and when sessions count as open.</summary>
public sealed record MatchCriteria(
    IReadOnlyList<ThematicArea> Themes,
    IReadOnlyList<string> Languages,
    IReadOnlyList<TargetAudience> Audiences,
    DateTimeOffset OpenFrom,
    DateTimeOffset? OpenUntil,
    int MaxResults);

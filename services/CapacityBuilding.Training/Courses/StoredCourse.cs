using CapacityBuilding.Contracts.Common.V1;

namespace CapacityBuilding.Training.Courses;

/// <summary>A course as the training service stores it.</summary>
public sealed record StoredCourse(
    string Id,
    string Title,
    string Summary,
    IReadOnlyList<ThematicArea> ThematicAreas,
    IReadOnlyList<string> Languages,
    DateTimeOffset CreateTime,
    DateTimeOffset UpdateTime,
    string Etag);

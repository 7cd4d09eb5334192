using CapacityBuilding.Contracts.Common.V1;
using CapacityBuilding.Contracts.Training.V1;

namespace CapacityBuilding.Training.Domain.Courses;

/// <summary>
/// A course as the training service stores it. The Lua scripts of the repositories read
/// <see cref="Status"/>, <see cref="MaxClassSize"/> and <see cref="Etag"/> by these property names.
/// </summary>
public sealed record StoredCourse(
    string Id,
    string Title,
    string Summary,
    IReadOnlyList<ThematicArea> ThematicAreas,
    IReadOnlyList<string> Languages,
    CourseLevel Level,
    IReadOnlyList<TargetAudience> TargetAudiences,
    DeliveryMode DeliveryMode,
    int DurationHours,
    IReadOnlyList<string> Prerequisites,
    int MaxClassSize,
    CourseStatus Status,
    DateTimeOffset CreateTime,
    DateTimeOffset UpdateTime,
    string Etag);

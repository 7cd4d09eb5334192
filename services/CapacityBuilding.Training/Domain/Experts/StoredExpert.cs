using CapacityBuilding.Contracts.Common.V1;
using CapacityBuilding.Training.Domain.Calendar;

namespace CapacityBuilding.Training.Domain.Experts;

/// <summary>An expert of the roster as stored. The replace script reads <see cref="Etag"/> by this name.</summary>
public sealed record StoredExpert(
    string Id,
    string DisplayName,
    string Nationality,
    IReadOnlyList<string> Languages,
    IReadOnlyList<ThematicArea> ThematicAreas,
    IReadOnlyList<int> ConventionArticles,
    bool PublicOfficial,
    IReadOnlyList<DayRange> Availability,
    string Email,
    string Phone,
    DateTimeOffset CreateTime,
    DateTimeOffset UpdateTime,
    string Etag);

using CapacityBuilding.Contracts.Training.V1;
using CapacityBuilding.ServiceDefaults.Errors;
using CapacityBuilding.ServiceDefaults.Validation;
using CapacityBuilding.Training.Domain.Validation;

namespace CapacityBuilding.Training.Domain.Matching;

/// <summary>
/// Checks what a MatchCourses request's annotations cannot state (repeated items, real dates in
/// order) and turns it into <see cref="MatchCriteria"/>; every broken rule is reported.
/// </summary>
public sealed class MatchRequestValidator(ApiErrors errors) : IRequestRules<MatchCoursesRequest>
{
    public const int DefaultMaxResults = 10;
    public const int MaxResultsLimit = 50;

    /// <param name="now">Sessions that started already are never open; without <c>earliest_start</c> the window starts now.</param>
    public MatchCriteria Validate(MatchCoursesRequest request, DateTimeOffset now)
    {
        var violations = new FieldViolations();
        var (earliest, latest) = Check(request, violations);
        violations.ThrowIfAny(errors);

        var openFrom = earliest is { } day ? new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : now;
        return new MatchCriteria(
            [.. request.ThematicAreas],
            [.. request.Languages],
            [.. request.Audiences],
            openFrom < now ? now : openFrom,
            latest is { } last ? new DateTimeOffset(last.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null,
            request.MaxResults == 0 ? DefaultMaxResults : Math.Min(request.MaxResults, MaxResultsLimit));
    }

    public void AddViolations(MatchCoursesRequest request, FieldViolations violations) => Check(request, violations);

    /// <returns>The window's days, where they are real dates.</returns>
    private static (DateOnly? Earliest, DateOnly? Latest) Check(MatchCoursesRequest request, FieldViolations violations)
    {
        violations.RequireDistinct("thematic_areas", request.ThematicAreas, ProtoEnumNames.Of);
        violations.RequireDistinct("languages", request.Languages, language => $"'{language}'");
        violations.RequireDistinct("audiences", request.Audiences, ProtoEnumNames.Of);
        var earliest = violations.OptionalDate("earliest_start", request.EarliestStart);
        var latest = violations.OptionalDate("latest_end", request.LatestEnd);
        if (earliest is { } from && latest is { } until && until < from)
        {
            violations.Add("latest_end", "must not be before earliest_start.");
        }

        return (earliest, latest);
    }
}

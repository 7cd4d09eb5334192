using CapacityBuilding.Contracts.Training.V1;
using CapacityBuilding.ServiceDefaults.Errors;
using CapacityBuilding.ServiceDefaults.Validation;
using CapacityBuilding.Training.Validation;

namespace CapacityBuilding.Training.Matching;

/// <summary>Checks a MatchCourses request and turns it into <see cref="MatchCriteria"/>; every broken rule is reported.</summary>
public sealed class MatchRequestValidator(ApiErrors errors)
{
    public const int DefaultMaxResults = 10;
    public const int MaxResultsLimit = 50;

    /// <param name="now">Sessions that started already are never open; without <c>earliest_start</c> the window starts now.</param>
    public MatchCriteria Validate(MatchCoursesRequest request, DateTimeOffset now)
    {
        var violations = new FieldViolations();
        violations.RequireEnumSet("thematic_areas", request.ThematicAreas);
        violations.OptionalLanguages("languages", request.Languages);
        violations.OptionalEnumSet("audiences", request.Audiences);
        var earliest = violations.OptionalDate("earliest_start", request.EarliestStart);
        var latest = violations.OptionalDate("latest_end", request.LatestEnd);
        if (earliest is { } from && latest is { } until && until < from)
        {
            violations.Add("latest_end", "must not be before earliest_start.");
        }

        if (request.MaxResults < 0)
        {
            violations.Add("max_results", "must not be negative.");
        }

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
}

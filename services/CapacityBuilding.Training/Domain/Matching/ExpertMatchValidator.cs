using CapacityBuilding.Contracts.Training.V1;
using CapacityBuilding.ServiceDefaults.Errors;
using CapacityBuilding.ServiceDefaults.Validation;
using CapacityBuilding.Training.Domain.Calendar;

namespace CapacityBuilding.Training.Domain.Matching;

/// <summary>
/// Checks what a MatchExperts request's annotations cannot state (repeated items, a window of real
/// days in order, both ends or neither) and turns it into <see cref="ExpertMatchCriteria"/>.
/// </summary>
public sealed class ExpertMatchValidator(ApiErrors errors) : IRequestRules<MatchExpertsRequest>
{
    public ExpertMatchCriteria Validate(MatchExpertsRequest request)
    {
        var violations = new FieldViolations();
        var window = Check(request, violations);
        violations.ThrowIfAny(errors);
        return new ExpertMatchCriteria(
            [.. request.ThematicAreas],
            [.. request.ConventionArticles],
            [.. request.Languages],
            window,
            request.MaxResults == 0 ? MatchRequestValidator.DefaultMaxResults : Math.Min(request.MaxResults, MatchRequestValidator.MaxResultsLimit));
    }

    public void AddViolations(MatchExpertsRequest request, FieldViolations violations) => Check(request, violations);

    private static DayRange? Check(MatchExpertsRequest request, FieldViolations violations)
    {
        violations.RequireDistinct("thematic_areas", request.ThematicAreas, ProtoEnumNames.Of);
        violations.RequireDistinct("convention_articles", request.ConventionArticles, article => $"article {article}");
        violations.RequireDistinct("languages", request.Languages, language => $"'{language}'");
        return request.StartDate is null && request.EndDate is null ? null : violations.RequireDayRange("", request.StartDate, request.EndDate);
    }
}

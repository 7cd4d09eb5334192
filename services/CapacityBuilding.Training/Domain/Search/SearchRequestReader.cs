using CapacityBuilding.Contracts.Training.V1;
using CapacityBuilding.ServiceDefaults.Errors;
using CapacityBuilding.ServiceDefaults.Validation;

namespace CapacityBuilding.Training.Domain.Search;

/// <summary>
/// Checks what a SearchCourses request's annotations cannot state (repeated items, the number of
/// words) and turns its criteria into index set groups.
/// </summary>
public sealed class SearchRequestReader(ApiErrors errors) : IRequestRules<SearchCoursesRequest>
{
    public const int MaxQueryWords = 10;

    public CourseSearch Read(SearchCoursesRequest request)
    {
        var violations = new FieldViolations();
        var words = Check(request, violations);
        violations.ThrowIfAny(errors);

        var groups = new List<IReadOnlyList<string>>();
        void AddGroup(IEnumerable<string> keys)
        {
            var group = keys.Distinct(StringComparer.Ordinal).ToList();
            if (group.Count > 0)
            {
                groups.Add(group);
            }
        }

        AddGroup(request.ThematicAreas.Select(CourseIndexKeys.Theme));
        AddGroup(request.Languages.Select(CourseIndexKeys.Language));
        AddGroup(request.Levels.Select(CourseIndexKeys.Level));
        AddGroup(request.DeliveryModes.Select(CourseIndexKeys.Mode));
        AddGroup(request.Audiences.Select(CourseIndexKeys.Audience));
        AddGroup(request.Statuses.Select(CourseIndexKeys.Status));
        foreach (var word in words)
        {
            AddGroup([CourseIndexKeys.Word(word)]);
        }

        return new CourseSearch(groups);
    }

    public void AddViolations(SearchCoursesRequest request, FieldViolations violations) => Check(request, violations);

    /// <returns>The query's words.</returns>
    private static IReadOnlySet<string> Check(SearchCoursesRequest request, FieldViolations violations)
    {
        violations.RequireDistinct("thematic_areas", request.ThematicAreas, ProtoEnumNames.Of);
        violations.RequireDistinct("languages", request.Languages, language => $"'{language}'");
        violations.RequireDistinct("levels", request.Levels, ProtoEnumNames.Of);
        violations.RequireDistinct("delivery_modes", request.DeliveryModes, ProtoEnumNames.Of);
        violations.RequireDistinct("audiences", request.Audiences, ProtoEnumNames.Of);
        violations.RequireDistinct("statuses", request.Statuses, ProtoEnumNames.Of);
        var words = SearchWords.Of(request.Query);
        if (words.Count > MaxQueryWords)
        {
            violations.Add("query", $"must have at most {MaxQueryWords} words.");
        }

        return words;
    }
}

using CapacityBuilding.Contracts.Training.V1;
using CapacityBuilding.ServiceDefaults.Errors;
using CapacityBuilding.ServiceDefaults.Validation;
using CapacityBuilding.Training.Validation;

namespace CapacityBuilding.Training.Search;

/// <summary>Checks a SearchCourses request and turns its criteria into index set groups.</summary>
public sealed class SearchRequestReader(ApiErrors errors)
{
    public const int QueryMaxLength = 200;
    public const int MaxQueryWords = 10;

    public CourseSearch Read(SearchCoursesRequest request)
    {
        var violations = new FieldViolations();
        violations.OptionalEnumSet("thematic_areas", request.ThematicAreas);
        violations.OptionalLanguages("languages", request.Languages);
        violations.OptionalEnumSet("levels", request.Levels);
        violations.OptionalEnumSet("delivery_modes", request.DeliveryModes);
        violations.OptionalEnumSet("audiences", request.Audiences);
        violations.OptionalEnumSet("statuses", request.Statuses);
        violations.OptionalText("query", request.Query, QueryMaxLength);
        var words = SearchWords.Of(request.Query);
        if (words.Count > MaxQueryWords)
        {
            violations.Add("query", $"must have at most {MaxQueryWords} words.");
        }

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
}

using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.ServiceDefaults.Errors;
using CapacityBuilding.ServiceDefaults.Validation;

namespace CapacityBuilding.Assistance.Requests;

/// <summary>The rules a request must meet before it is stored; every broken rule is reported.</summary>
public sealed class AssistanceRequestValidator(ApiErrors errors)
{
    public const int TitleMaxLength = 200;
    public const int DescriptionMaxLength = 5000;
    public const int CoursesMaxCount = 20;

    public void ValidateCreate(CreateAssistanceRequestRequest request)
    {
        var violations = new FieldViolations();
        violations.RequireIdempotencyKey("request_id", request.RequestId);
        if (request.AssistanceRequest is not { } assistanceRequest)
        {
            violations.Add("assistance_request", "is required.");
        }
        else
        {
            violations.RequireCountry("assistance_request.requesting_state", assistanceRequest.RequestingState);
            violations.RequireText("assistance_request.title", assistanceRequest.Title, TitleMaxLength);
            violations.OptionalText("assistance_request.description", assistanceRequest.Description, DescriptionMaxLength);
            violations.RequireEnumSet("assistance_request.thematic_areas", assistanceRequest.ThematicAreas);
            ValidateCourses(violations, assistanceRequest.Courses);
        }

        violations.ThrowIfAny(errors);
    }

    private static void ValidateCourses(FieldViolations violations, Google.Protobuf.Collections.RepeatedField<string> courses)
    {
        if (courses.Count > CoursesMaxCount)
        {
            violations.Add("assistance_request.courses", $"must list at most {CoursesMaxCount} courses.");
            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < courses.Count; i++)
        {
            var field = $"assistance_request.courses[{i}]";
            if (AssistanceRequestNames.Course.TryParse(courses[i]) is null)
            {
                violations.Add(field, $"must be a course name of the form {AssistanceRequestNames.Course.Pattern}.");
            }
            else if (!seen.Add(courses[i]))
            {
                violations.Add(field, $"repeats {courses[i]}.");
            }
        }
    }
}

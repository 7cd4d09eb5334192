using CapacityBuilding.Contracts.Training.V1;
using CapacityBuilding.ServiceDefaults.Errors;
using CapacityBuilding.ServiceDefaults.Validation;

namespace CapacityBuilding.Training.Courses;

/// <summary>The rules a course must meet before it is stored; every broken rule is reported.</summary>
public sealed class CourseValidator(ApiErrors errors)
{
    public const int TitleMaxLength = 200;
    public const int SummaryMaxLength = 5000;

    public void ValidateCreate(CreateCourseRequest request)
    {
        var violations = new FieldViolations();
        violations.RequireIdempotencyKey("request_id", request.RequestId);
        if (request.Course is not { } course)
        {
            violations.Add("course", "is required.");
        }
        else
        {
            violations.RequireText("course.title", course.Title, TitleMaxLength);
            violations.OptionalText("course.summary", course.Summary, SummaryMaxLength);
            violations.RequireEnumSet("course.thematic_areas", course.ThematicAreas);
            violations.RequireLanguages("course.languages", course.Languages);
        }

        violations.ThrowIfAny(errors);
    }
}

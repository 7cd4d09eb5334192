using CapacityBuilding.Contracts.Training.V1;
using CapacityBuilding.ServiceDefaults.Errors;
using CapacityBuilding.ServiceDefaults.Validation;
using CapacityBuilding.Training.Validation;

namespace CapacityBuilding.Training.Courses;

/// <summary>The rules a course must meet before it is stored; every broken rule is reported.</summary>
public sealed class CourseValidator(ApiErrors errors)
{
    public const int TitleMaxLength = 200;
    public const int SummaryMaxLength = 5000;
    public const int MaxDurationHours = 1000;
    public const int MaxPrerequisites = 20;
    public const int PrerequisiteMaxLength = 500;
    public const int MaxClassSizeLimit = 500;

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
            AddContentViolations(violations, "course", course);
            if (course.Status == CourseStatus.Retired || (course.Status != CourseStatus.Unspecified && !Enum.IsDefined(course.Status)))
            {
                violations.Add("course.status", "must be DRAFT or PUBLISHED on create (or unset, meaning DRAFT).");
            }
        }

        violations.ThrowIfAny(errors);
    }

    /// <summary>Checks the course as an update would leave it; <paramref name="violations"/> may already hold mask problems.</summary>
    public void ValidateUpdated(FieldViolations violations, Course updated, bool statusChanges)
    {
        AddContentViolations(violations, "course", updated);
        if (statusChanges)
        {
            violations.RequireEnum("course.status", updated.Status);
        }

        violations.ThrowIfAny(errors);
    }

    private static void AddContentViolations(FieldViolations violations, string prefix, Course course)
    {
        violations.RequireText($"{prefix}.title", course.Title, TitleMaxLength);
        violations.OptionalText($"{prefix}.summary", course.Summary, SummaryMaxLength);
        violations.RequireEnumSet($"{prefix}.thematic_areas", course.ThematicAreas);
        violations.RequireLanguages($"{prefix}.languages", course.Languages);
        violations.RequireEnum($"{prefix}.level", course.Level);
        violations.RequireEnumSet($"{prefix}.target_audiences", course.TargetAudiences);
        violations.RequireEnum($"{prefix}.delivery_mode", course.DeliveryMode);
        violations.RequireRange($"{prefix}.duration_hours", course.DurationHours, 1, MaxDurationHours);
        violations.RequireRange($"{prefix}.max_class_size", course.MaxClassSize, 1, MaxClassSizeLimit);
        if (course.Prerequisites.Count > MaxPrerequisites)
        {
            violations.Add($"{prefix}.prerequisites", $"must list at most {MaxPrerequisites} prerequisites.");
        }

        for (var i = 0; i < course.Prerequisites.Count; i++)
        {
            violations.RequireText($"{prefix}.prerequisites[{i}]", course.Prerequisites[i], PrerequisiteMaxLength);
        }
    }
}

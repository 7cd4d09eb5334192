using CapacityBuilding.Contracts.Training.V1;
using CapacityBuilding.ServiceDefaults.Errors;
using CapacityBuilding.ServiceDefaults.Validation;

namespace CapacityBuilding.Training.Domain.Courses;

/// <summary>
/// The rules of a course that its proto's annotations cannot state: no repeated item in its lists,
/// the status it may be created in, and the course as an update would leave it. Every broken rule
/// is reported.
/// </summary>
public sealed class CourseValidator(AnnotatedFieldRules annotated, ApiErrors errors) : IRequestRules<CreateCourseRequest>
{
    public void AddViolations(CreateCourseRequest request, FieldViolations violations)
    {
        if (request.Course is not { } course)
        {
            violations.Add("course", "is required.");
            return;
        }

        AddRepeats(violations, course);
        if (course.Status == CourseStatus.Retired)
        {
            violations.Add("course.status", "must be DRAFT or PUBLISHED on create (or unset, meaning DRAFT).");
        }
    }

    /// <summary>Checks the course as an update would leave it; <paramref name="violations"/> may already hold mask problems.</summary>
    public void ValidateUpdated(FieldViolations violations, Course updated, bool statusChanges)
    {
        violations.AddRange(annotated.Check(updated, "course"));
        AddRepeats(violations, updated);
        if (statusChanges)
        {
            violations.RequireEnum("course.status", updated.Status);
        }

        violations.ThrowIfAny(errors);
    }

    private static void AddRepeats(FieldViolations violations, Course course)
    {
        violations.RequireDistinct("course.thematic_areas", course.ThematicAreas, ProtoEnumNames.Of);
        violations.RequireDistinct("course.languages", course.Languages, language => $"'{language}'");
        violations.RequireDistinct("course.target_audiences", course.TargetAudiences, ProtoEnumNames.Of);
    }
}

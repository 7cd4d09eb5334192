using CapacityBuilding.Contracts.Training.V1;
using CapacityBuilding.ServiceDefaults.Errors;
using CapacityBuilding.ServiceDefaults.Validation;
using CapacityBuilding.Training.Courses;

namespace CapacityBuilding.Training.Evaluations;

/// <summary>
/// The rule of an evaluation that its proto's annotations cannot state: it evaluates an enrolment
/// of the session it is filed under. The ratings' ranges are annotations.
/// </summary>
public sealed class EvaluationValidator(ApiErrors errors) : IRequestRules<CreateEvaluationRequest>
{
    /// <returns>The id of the evaluated enrolment.</returns>
    public string ValidateCreate(CreateEvaluationRequest request, string courseId, string sessionId)
    {
        var violations = new FieldViolations();
        var enrolmentId = AddViolations(request, courseId, sessionId, violations);
        violations.ThrowIfAny(errors);
        return enrolmentId;
    }

    public void AddViolations(CreateEvaluationRequest request, FieldViolations violations)
    {
        if (CourseNames.Session.TryParse(request.Parent) is { } ids)
        {
            AddViolations(request, ids[0], ids[1], violations);
        }
    }

    private static string AddViolations(CreateEvaluationRequest request, string courseId, string sessionId, FieldViolations violations)
    {
        if (request.Evaluation is not { } evaluation)
        {
            violations.Add("evaluation", "is required.");
            return string.Empty;
        }

        var ids = CourseNames.Enrolment.TryParse(evaluation.Enrolment);
        if (ids is null || ids[0] != courseId || ids[1] != sessionId)
        {
            violations.Add("evaluation.enrolment", $"must name an enrolment of {CourseNames.Session.Format(courseId, sessionId)}.");
            return string.Empty;
        }

        return ids[2];
    }
}

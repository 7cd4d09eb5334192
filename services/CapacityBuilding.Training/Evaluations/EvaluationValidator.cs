using CapacityBuilding.Contracts.Training.V1;
using CapacityBuilding.ServiceDefaults.Errors;
using CapacityBuilding.ServiceDefaults.Validation;
using CapacityBuilding.Training.Courses;
using CapacityBuilding.Training.Validation;

namespace CapacityBuilding.Training.Evaluations;

/// <summary>The rules an evaluation must meet; every broken rule is reported.</summary>
public sealed class EvaluationValidator(ApiErrors errors)
{
    public const int CommentsMaxLength = 2000;
    public const int MaxRating = 5;

    /// <returns>The id of the evaluated enrolment.</returns>
    public string ValidateCreate(CreateEvaluationRequest request, string courseId, string sessionId)
    {
        var violations = new FieldViolations();
        violations.RequireIdempotencyKey("request_id", request.RequestId);
        var enrolmentId = string.Empty;
        if (request.Evaluation is not { } evaluation)
        {
            violations.Add("evaluation", "is required.");
        }
        else
        {
            var ids = CourseNames.Enrolment.TryParse(evaluation.Enrolment);
            if (ids is null || ids[0] != courseId || ids[1] != sessionId)
            {
                violations.Add("evaluation.enrolment", $"must name an enrolment of {CourseNames.Session.Format(courseId, sessionId)}.");
            }
            else
            {
                enrolmentId = ids[2];
            }

            violations.RequireRange("evaluation.reaction", evaluation.Reaction, 1, MaxRating);
            violations.RequireRange("evaluation.learning", evaluation.Learning, 1, MaxRating);
            violations.RequireRange("evaluation.behaviour", evaluation.Behaviour, 0, MaxRating);
            violations.RequireRange("evaluation.results", evaluation.Results, 0, MaxRating);
            violations.OptionalText("evaluation.comments", evaluation.Comments, CommentsMaxLength);
        }

        violations.ThrowIfAny(errors);
        return enrolmentId;
    }
}

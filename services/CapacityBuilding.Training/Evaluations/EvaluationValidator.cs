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
    public string ValidateCreate(CreateEvaluationRequest request, SessionName session)
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
            var enrolment = CourseNames.Enrolment.TryParse(evaluation.Enrolment);
            if (enrolment is null || enrolment.CourseId != session.CourseId || enrolment.SessionId != session.SessionId)
            {
                violations.Add("evaluation.enrolment", $"must name an enrolment of {CourseNames.Session.Format(session.CourseId, session.SessionId)}.");
            }
            else
            {
                enrolmentId = enrolment.EnrolmentId;
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

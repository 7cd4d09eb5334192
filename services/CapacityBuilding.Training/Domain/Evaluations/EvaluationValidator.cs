using CapacityBuilding.Contracts.Training.V1;
using CapacityBuilding.ServiceDefaults.Errors;
using CapacityBuilding.ServiceDefaults.Validation;
using CapacityBuilding.Training.Domain.Courses;

namespace CapacityBuilding.Training.Domain.Evaluations;

/// <summary>
/// The rules of a session's evaluation that its proto's annotations cannot state: it evaluates an
/// enrolment of the session it is filed under, as a participant, with a participant's questions
/// (<see cref="EvaluationQuestions"/>). The ratings' ranges are annotations.
/// </summary>
public sealed class EvaluationValidator(ApiErrors errors) : IRequestRules<CreateEvaluationRequest>
{
    /// <returns>The id of the evaluated enrolment.</returns>
    public string ValidateCreate(CreateEvaluationRequest request, SessionName session)
    {
        var violations = new FieldViolations();
        var enrolmentId = AddViolations(request, session, violations);
        violations.ThrowIfAny(errors);
        return enrolmentId;
    }

    public void AddViolations(CreateEvaluationRequest request, FieldViolations violations)
    {
        if (CourseNames.Session.TryParse(request.Parent) is { } session)
        {
            AddViolations(request, session, violations);
        }
    }

    private static string AddViolations(CreateEvaluationRequest request, SessionName session, FieldViolations violations)
    {
        if (request.Evaluation is not { } evaluation)
        {
            violations.Add("evaluation", "is required.");
            return string.Empty;
        }

        if (evaluation.Respondent is not (Respondent.Unspecified or Respondent.Participant))
        {
            violations.Add("evaluation.respondent", "must be RESPONDENT_PARTICIPANT (or unset) for a session: its participants evaluate it.");
        }

        if (evaluation.Expert.Length > 0)
        {
            violations.Add("evaluation.expert", "must be empty for a session's evaluation.");
        }

        EvaluationQuestions.AddViolations(violations, evaluation);
        var enrolment = CourseNames.Enrolment.TryParse(evaluation.Enrolment);
        if (enrolment is null || enrolment.CourseId != session.CourseId || enrolment.SessionId != session.SessionId)
        {
            violations.Add("evaluation.enrolment", $"must name an enrolment of {CourseNames.Session.Format(session.CourseId, session.SessionId)}.");
            return string.Empty;
        }

        return enrolment.EnrolmentId;
    }
}

using CapacityBuilding.Contracts.Training.V1;
using CapacityBuilding.ServiceDefaults.Errors;
using CapacityBuilding.ServiceDefaults.Validation;
using CapacityBuilding.Training.Domain.Courses;

namespace CapacityBuilding.Training.Domain.Evaluations;

/// <summary>
/// The rules of a session's evaluation that its proto's annotations cannot state: a participant
/// (the default) evaluates through an enrolment of the session it is filed under; an expert (named
/// by resource name) or the host institution answers without one; each with its group's questions
/// (<see cref="EvaluationRespondents"/>). The ratings' ranges are annotations.
/// </summary>
public sealed class EvaluationValidator(ApiErrors errors) : IRequestRules<CreateEvaluationRequest>
{
    /// <returns>The id of the evaluating enrolment (a participant's) and of the answering expert (an expert's), else empty.</returns>
    public (string EnrolmentId, string ExpertId) ValidateCreate(CreateEvaluationRequest request, SessionName session)
    {
        var violations = new FieldViolations();
        var enrolmentId = AddViolations(request, session, violations);
        violations.ThrowIfAny(errors);
        return (enrolmentId, EvaluationRespondents.ExpertIdOf(request.Evaluation));
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

        EvaluationRespondents.AddViolations(violations, evaluation);
        if (!EvaluationRespondents.IsParticipant(evaluation.Respondent))
        {
            if (evaluation.Enrolment.Length > 0)
            {
                violations.Add("evaluation.enrolment", "must be empty unless a participant answers.");
            }

            return string.Empty;
        }

        var enrolment = CourseNames.Enrolment.TryParse(evaluation.Enrolment);
        if (enrolment is null || enrolment.CourseId != session.CourseId || enrolment.SessionId != session.SessionId)
        {
            violations.Add("evaluation.enrolment", $"must name an enrolment of {CourseNames.Session.Format(session.CourseId, session.SessionId)}.");
            return string.Empty;
        }

        return enrolment.EnrolmentId;
    }
}

using CapacityBuilding.Contracts.Training.V1;
using CapacityBuilding.ServiceDefaults.Errors;
using CapacityBuilding.ServiceDefaults.Validation;
using CapacityBuilding.Training.Domain.Courses;

namespace CapacityBuilding.Training.Domain.Evaluations;

/// <summary>
/// The rules of an event's evaluation that its proto's annotations cannot state: who answers (a
/// participant, an expert named by resource name, or the host institution), no enrolment (an
/// event's participants are counted, not enrolled), and that group's questions.
/// </summary>
public sealed class EventEvaluationValidator(ApiErrors errors) : IRequestRules<CreateDeliveryEventEvaluationRequest>
{
    /// <returns>The id of the answering expert, or empty.</returns>
    public string Validate(CreateDeliveryEventEvaluationRequest request)
    {
        var violations = new FieldViolations();
        AddViolations(request, violations);
        violations.ThrowIfAny(errors);
        return request.Evaluation.Respondent == Respondent.Expert ? CourseNames.Expert.TryParse(request.Evaluation.Expert)!.ExpertId : "";
    }

    public void AddViolations(CreateDeliveryEventEvaluationRequest request, FieldViolations violations)
    {
        if (request.Evaluation is not { } evaluation)
        {
            violations.Add("evaluation", "is required.");
            return;
        }

        // Without a respondent there are no questions to check.
        if (!violations.RequireEnum("evaluation.respondent", evaluation.Respondent))
        {
            return;
        }

        if (evaluation.Enrolment.Length > 0)
        {
            violations.Add("evaluation.enrolment", "must be empty for an event's evaluation.");
        }

        if (evaluation.Respondent == Respondent.Expert)
        {
            if (CourseNames.Expert.TryParse(evaluation.Expert) is null)
            {
                violations.Add("evaluation.expert", $"is required from an expert: a resource name of the form {CourseNames.Expert.Pattern}.");
            }
        }
        else if (evaluation.Expert.Length > 0)
        {
            violations.Add("evaluation.expert", "must be empty unless the respondent is RESPONDENT_EXPERT.");
        }

        EvaluationQuestions.AddViolations(violations, evaluation);
    }
}

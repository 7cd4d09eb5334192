using CapacityBuilding.Contracts.Training.V1;
using CapacityBuilding.ServiceDefaults.Errors;
using CapacityBuilding.ServiceDefaults.Validation;

namespace CapacityBuilding.Training.Domain.Evaluations;

/// <summary>
/// The rules of an event's evaluation that its proto's annotations cannot state: who answers (a
/// participant, an expert named by resource name, or the host institution; see
/// <see cref="EvaluationRespondents"/>) and no enrolment (an event's participants are counted, not enrolled).
/// </summary>
public sealed class EventEvaluationValidator(ApiErrors errors) : IRequestRules<CreateDeliveryEventEvaluationRequest>
{
    /// <returns>The id of the answering expert, or empty.</returns>
    public string Validate(CreateDeliveryEventEvaluationRequest request)
    {
        var violations = new FieldViolations();
        AddViolations(request, violations);
        violations.ThrowIfAny(errors);
        return EvaluationRespondents.ExpertIdOf(request.Evaluation);
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

        EvaluationRespondents.AddViolations(violations, evaluation);
    }
}

using CapacityBuilding.Contracts.Training.V1;
using CapacityBuilding.ServiceDefaults.Validation;
using CapacityBuilding.Training.Domain.Courses;

namespace CapacityBuilding.Training.Domain.Evaluations;

/// <summary>
/// The rules of a follow-up that its proto's annotations cannot state: it names an evaluation of
/// a session or of an event, and rates level 3 or level 4 (or both).
/// </summary>
public sealed class FollowUpValidator : IRequestRules<RecordEvaluationFollowUpRequest>
{
    public void AddViolations(RecordEvaluationFollowUpRequest request, FieldViolations violations)
    {
        if (CourseNames.Evaluation.TryParse(request.Name) is null && CourseNames.EventEvaluation.TryParse(request.Name) is null)
        {
            violations.Add("name", $"must be {CourseNames.Evaluation.Pattern} or {CourseNames.EventEvaluation.Pattern}.");
        }

        if (request.FollowUp is not { } followUp)
        {
            violations.Add("follow_up", "is required.");
        }
        else if (followUp.Behaviour == 0 && followUp.Results == 0)
        {
            violations.Add("follow_up", "must rate behaviour (level 3) or results (level 4), or both, from 1 to 5.");
        }
    }
}

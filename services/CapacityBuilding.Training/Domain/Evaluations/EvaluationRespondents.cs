using CapacityBuilding.Contracts.Training.V1;
using CapacityBuilding.ServiceDefaults.Validation;
using CapacityBuilding.Training.Domain.Courses;

namespace CapacityBuilding.Training.Domain.Evaluations;

/// <summary>
/// Who answers an evaluation, the same for a session and an event: an expert names themselves
/// (<c>experts/{expert}</c>), nobody else names an expert, and each group answers its own
/// questions (<see cref="EvaluationQuestions"/>).
/// </summary>
public static class EvaluationRespondents
{
    public static bool IsParticipant(Respondent respondent) => respondent is Respondent.Unspecified or Respondent.Participant;

    public static void AddViolations(FieldViolations violations, Evaluation evaluation)
    {
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

    /// <summary>The id of the answering expert of a valid evaluation, or empty.</summary>
    public static string ExpertIdOf(Evaluation evaluation) =>
        evaluation.Respondent == Respondent.Expert ? CourseNames.Expert.TryParse(evaluation.Expert)!.ExpertId : "";
}

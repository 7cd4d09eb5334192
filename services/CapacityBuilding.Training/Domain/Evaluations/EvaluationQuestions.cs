using CapacityBuilding.Contracts.Training.V1;
using CapacityBuilding.ServiceDefaults.Validation;

namespace CapacityBuilding.Training.Domain.Evaluations;

/// <summary>
/// Which questions each group of respondents answers (documented on the Evaluation message):
/// participants rate reaction and learning (levels 1 and 2) and may answer the others; experts and
/// host institutions answer whether the objectives were met, whether knowledge improved and
/// whether more help is needed, and nothing else at first (levels 3 and 4 come as follow-ups). A
/// required question is rated 1 to 5; one not asked stays 0. The ranges are annotations.
/// </summary>
public static class EvaluationQuestions
{
    /// <summary>The ratings' names, as the summaries store them, and how to read each from a stored evaluation.</summary>
    public static readonly IReadOnlyList<(string Name, Func<StoredEvaluation, int> Rating)> All =
    [
        ("reaction", evaluation => evaluation.Reaction),
        ("learning", evaluation => evaluation.Learning),
        ("behaviour", evaluation => evaluation.Behaviour),
        ("results", evaluation => evaluation.Results),
        ("objectives_met", evaluation => evaluation.ObjectivesMet),
        ("knowledge_improved", evaluation => evaluation.KnowledgeImproved),
        ("more_help_needed", evaluation => evaluation.MoreHelpNeeded),
    ];

    /// <summary>The group's name in the summaries.</summary>
    public static string GroupName(Respondent group) => group switch
    {
        Respondent.Expert => "expert",
        Respondent.HostInstitution => "host_institution",
        _ => "participant",
    };

    public static void AddViolations(FieldViolations violations, Evaluation evaluation)
    {
        if (evaluation.Respondent is Respondent.Unspecified or Respondent.Participant)
        {
            Require(violations, "evaluation.reaction", evaluation.Reaction);
            Require(violations, "evaluation.learning", evaluation.Learning);
            return;
        }

        NotAsked(violations, "evaluation.reaction", evaluation.Reaction);
        NotAsked(violations, "evaluation.learning", evaluation.Learning);
        NotAsked(violations, "evaluation.behaviour", evaluation.Behaviour);
        NotAsked(violations, "evaluation.results", evaluation.Results);
        Require(violations, "evaluation.objectives_met", evaluation.ObjectivesMet);
        Require(violations, "evaluation.knowledge_improved", evaluation.KnowledgeImproved);
        Require(violations, "evaluation.more_help_needed", evaluation.MoreHelpNeeded);
    }

    private static void Require(FieldViolations violations, string field, int rating)
    {
        if (rating == 0)
        {
            violations.Add(field, "is required from this respondent: a rating from 1 to 5.");
        }
    }

    private static void NotAsked(FieldViolations violations, string field, int rating)
    {
        if (rating != 0)
        {
            violations.Add(field, "is not asked of this respondent: leave it 0 (levels 3 and 4 come as a follow-up).");
        }
    }
}

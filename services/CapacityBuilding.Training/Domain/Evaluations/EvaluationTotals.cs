using CapacityBuilding.Contracts.Training.V1;

namespace CapacityBuilding.Training.Domain.Evaluations;

/// <summary>Counts and sums of the evaluations of a session, course, event or request, as stored: over every group, and per group.</summary>
public sealed record EvaluationTotals(
    long Evaluations, LevelTotals Reaction, LevelTotals Learning, LevelTotals Behaviour, LevelTotals Results, IReadOnlyList<RespondentTotals> Respondents);

/// <summary>The evaluations of one group of respondents: how many, how many followed up, and each question's ratings by name.</summary>
public sealed record RespondentTotals(Respondent Group, long Evaluations, long FollowUps, IReadOnlyDictionary<string, LevelTotals> Questions)
{
    public LevelTotals Question(string name) => Questions.GetValueOrDefault(name) ?? new LevelTotals(0, 0);
}

/// <summary>The ratings of one Kirkpatrick level or question: how many, and their sum.</summary>
public sealed record LevelTotals(long Count, long Sum)
{
    /// <summary>The mean rounded to two decimals, 0 when nobody rated the level.</summary>
    public double Average => Count == 0 ? 0 : Math.Round((double)Sum / Count, 2, MidpointRounding.AwayFromZero);
}

namespace CapacityBuilding.Training.Domain.Evaluations;

/// <summary>Counts and sums of the evaluations of a session or course, as stored.</summary>
public sealed record EvaluationTotals(long Evaluations, LevelTotals Reaction, LevelTotals Learning, LevelTotals Behaviour, LevelTotals Results);

/// <summary>The ratings of one Kirkpatrick level: how many, and their sum.</summary>
public sealed record LevelTotals(long Count, long Sum)
{
    /// <summary>The mean rounded to two decimals, 0 when nobody rated the level.</summary>
    public double Average => Count == 0 ? 0 : Math.Round((double)Sum / Count, 2, MidpointRounding.AwayFromZero);
}

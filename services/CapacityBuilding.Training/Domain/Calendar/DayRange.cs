namespace CapacityBuilding.Training.Domain.Calendar;

/// <summary>Whole days from <see cref="Start"/> to <see cref="End"/>, both included.</summary>
public sealed record DayRange(DateOnly Start, DateOnly End)
{
    /// <summary>Whether the two ranges share at least one day.</summary>
    public bool Overlaps(DayRange other) => Start <= other.End && other.Start <= End;

    /// <summary>Whether every day of <paramref name="other"/> is in this range.</summary>
    public bool Covers(DayRange other) => Start <= other.Start && other.End <= End;

    public override string ToString() => $"{Start:yyyy-MM-dd} to {End:yyyy-MM-dd}";
}

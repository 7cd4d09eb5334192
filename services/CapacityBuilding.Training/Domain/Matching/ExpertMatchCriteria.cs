using CapacityBuilding.Contracts.Common.V1;
using CapacityBuilding.Training.Domain.Calendar;

namespace CapacityBuilding.Training.Domain.Matching;

/// <summary>A validated MatchExperts request: what is needed, and when (null: no dates given).</summary>
public sealed record ExpertMatchCriteria(
    IReadOnlyList<ThematicArea> Themes,
    IReadOnlyList<int> Articles,
    IReadOnlyList<string> Languages,
    DayRange? Window,
    int MaxResults);

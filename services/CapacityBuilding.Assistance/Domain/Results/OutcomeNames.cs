using CapacityBuilding.ServiceDefaults.Resources;

namespace CapacityBuilding.Assistance.Domain.Results;

public static class OutcomeNames
{
    public static readonly ResourceName<OutcomeName> Outcome = new("Outcome", "requests/{request}/outcomes/{outcome}", ids => new(ids[0], ids[1]));
}

/// <summary><c>requests/{request}/outcomes/{outcome}</c></summary>
public sealed record OutcomeName(string RequestId, string OutcomeId);

using CapacityBuilding.ServiceDefaults.Errors;
using CapacityBuilding.ServiceDefaults.Invocation;

namespace CapacityBuilding.Portal.Clients;

/// <summary>The apps the portal calls (their app-ids) and what a page shows when one cannot be reached.</summary>
public static class SuiteApps
{
    public const string Assistance = "assistance";
    public const string Training = "training";
    public const string Funding = "funding";

    public static readonly UnreachableAnswer AssistanceUnreachable = new(ErrorReasons.AssistanceUnavailable,
        "The requests service cannot be reached. Nothing was changed; try again in a moment.") { IncludesInternal = true };

    public static readonly UnreachableAnswer TrainingUnreachable = new(ErrorReasons.TrainingUnavailable,
        "The training catalogue cannot be reached. Nothing was changed; try again in a moment.") { IncludesInternal = true };

    public static readonly UnreachableAnswer FundingUnreachable = new(ErrorReasons.FundingUnavailable,
        "The funding service cannot be reached. Nothing was changed; try again in a moment.") { IncludesInternal = true };
}

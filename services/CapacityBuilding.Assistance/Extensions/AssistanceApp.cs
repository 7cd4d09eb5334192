using CapacityBuilding.ServiceDefaults.Errors;
using CapacityBuilding.ServiceDefaults.Invocation;

namespace CapacityBuilding.Assistance.Extensions;

/// <summary>The assistance service's app-id, Redis key prefix and error domain, and the apps it calls.</summary>
public static class AssistanceApp
{
    public const string Name = "assistance";

    /// <summary>App-id of the training service, as Dapr and Invocation:Apps know it.</summary>
    public const string TrainingAppId = "training";

    /// <summary>App-id of the funding service, asked which requests a donor's money funds.</summary>
    public const string FundingAppId = "funding";

    /// <summary>Our caller's answer when training cannot be reached to check the courses of a create or update.</summary>
    public static readonly UnreachableAnswer TrainingUnreachable = new(ErrorReasons.TrainingUnavailable,
        "The training catalogue cannot be reached to check the courses; nothing was stored. Retry with the same request_id.");

    /// <summary>Our caller's answer when funding cannot be reached to tell which requests a donor funds.</summary>
    public static readonly UnreachableAnswer FundingUnreachable = new(ErrorReasons.FundingUnavailable,
        "The funding service cannot be reached to tell which requests the donor funds. Retry later.");

    /// <summary>Our caller's answer when funding cannot be reached to close an approved request to funding before withdrawing it.</summary>
    public static readonly UnreachableAnswer FundingUnreachableToClose = new(ErrorReasons.FundingUnavailable,
        "The funding service cannot be reached to stop allocations to the request before it is withdrawn; it was not withdrawn. Retry later.");

    /// <summary>Our caller's answer when training cannot be reached to hold the seats an offer proposes.</summary>
    public static readonly UnreachableAnswer TrainingUnreachableToHold = new(ErrorReasons.TrainingUnavailable,
        "The training service cannot be reached to hold the seats offered; no offer was made. Retry with the same request_id.");

    /// <summary>Our caller's answer when funding cannot be reached to hold the money an offer proposes.</summary>
    public static readonly UnreachableAnswer FundingUnreachableToHold = new(ErrorReasons.FundingUnavailable,
        "The funding service cannot be reached to hold the money offered; no offer was made. Retry with the same request_id.");

    /// <summary>Our caller's answer when training cannot be reached to confirm or release the seats an offer holds.</summary>
    public static readonly UnreachableAnswer TrainingUnreachableToSettle = new(ErrorReasons.TrainingUnavailable,
        "The training service cannot be reached to confirm or release the seats the offer holds; the answer is recorded and will be completed. Retry later.");

    /// <summary>Our caller's answer when funding cannot be reached to confirm or release the money an offer holds.</summary>
    public static readonly UnreachableAnswer FundingUnreachableToSettle = new(ErrorReasons.FundingUnavailable,
        "The funding service cannot be reached to confirm or release the money the offer holds; the answer is recorded and will be completed. Retry later.");
}

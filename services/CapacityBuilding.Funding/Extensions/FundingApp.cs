using CapacityBuilding.ServiceDefaults.Errors;
using CapacityBuilding.ServiceDefaults.Invocation;

namespace CapacityBuilding.Funding.Extensions;

/// <summary>The funding service's app-id, Redis key prefix and error domain, and the apps it calls.</summary>
public static class FundingApp
{
    public const string Name = "funding";

    /// <summary>App-id of the assistance service, as Dapr and Invocation:Apps know it.</summary>
    public const string AssistanceAppId = "assistance";

    /// <summary>
    /// Our caller's answer when assistance cannot be reached to read a request; INTERNAL counts too,
    /// since whatever went wrong inside assistance, funding cannot tell whether the request is approved.
    /// </summary>
    public static readonly UnreachableAnswer AssistanceUnreachable = new(ErrorReasons.AssistanceUnavailable,
        "The assistance service cannot be reached to read the request; nothing was changed. Retry with the same request_id.")
    {
        IncludesInternal = true,
    };
}

using CapacityBuilding.ServiceDefaults.Errors;
using CapacityBuilding.ServiceDefaults.Invocation;

namespace CapacityBuilding.Training.Extensions;

/// <summary>The training service's app-id, Redis key prefix and error domain, and the app it calls.</summary>
public static class TrainingApp
{
    public const string Name = "training";

    /// <summary>App-id of the assistance service, as Dapr and Invocation:Apps know it.</summary>
    public const string AssistanceAppId = "assistance";

    /// <summary>
    /// Our caller's answer when assistance cannot be reached to read the request an event serves;
    /// INTERNAL counts too, since training then cannot tell whether the request is approved.
    /// </summary>
    public static readonly UnreachableAnswer AssistanceUnreachable = new(ErrorReasons.AssistanceUnavailable,
        "The assistance service cannot be reached to read the request; nothing was changed. Retry with the same request_id.")
    {
        IncludesInternal = true,
    };
}

namespace CapacityBuilding.Assistance.Extensions;

/// <summary>The assistance service's app-id, Redis key prefix and error domain, and the apps it calls.</summary>
public static class AssistanceApp
{
    public const string Name = "assistance";

    /// <summary>App-id of the training service, as Dapr and Invocation:Apps know it.</summary>
    public const string TrainingAppId = "training";

    /// <summary>App-id of the funding service, asked which requests a donor's money funds.</summary>
    public const string FundingAppId = "funding";
}

namespace CapacityBuilding.Funding.Extensions;

/// <summary>The funding service's app-id, Redis key prefix and error domain, and the apps it calls.</summary>
public static class FundingApp
{
    public const string Name = "funding";

    /// <summary>App-id of the assistance service, as Dapr and Invocation:Apps know it.</summary>
    public const string AssistanceAppId = "assistance";
}

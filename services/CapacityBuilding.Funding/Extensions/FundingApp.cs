namespace CapacityBuilding.Funding.Extensions;

/// <summary>The funding service's app-id, Redis key prefix and error domain.</summary>
public static class FundingApp
{
    public const string Name = "funding";
}

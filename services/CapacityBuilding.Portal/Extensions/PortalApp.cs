namespace CapacityBuilding.Portal.Extensions;

/// <summary>The portal's app-id, Redis key prefix and error domain.</summary>
public static class PortalApp
{
    public const string Name = "portal";
}

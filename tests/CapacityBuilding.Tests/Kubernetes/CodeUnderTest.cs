using CapacityBuilding.Testing;

namespace CapacityBuilding.Tests.Kubernetes;

/// <summary>What the manifests are held against: the calls and projects the code has now.</summary>
internal static class CodeUnderTest
{
    public static string ServicesFolder { get; } = Path.Combine(RepositoryLayout.Root.FullName, "services");

    public static string GatewayFolder { get; } = Path.Combine(RepositoryLayout.Root.FullName, "gateway", "CapacityBuilding.Gateway");

    public static IReadOnlyList<ServiceCall> Calls { get; } = ServiceCallScanner.Scan(ServicesFolder);

    /// <summary>The services' project folders by app-id.</summary>
    public static IReadOnlyDictionary<string, string> Services { get; } = ServiceCallScanner.ServiceProjects(ServicesFolder);

    public const string GatewayAppId = "gateway";

    /// <summary>The portal: a Dapr app that calls the services and that only the gateway reaches, over HTTP.</summary>
    public const string PortalAppId = "portal";

    public static string PortalFolder { get; } = Path.Combine(ServicesFolder, "CapacityBuilding.Portal");

    /// <summary>The apps that keep data in Redis, each as its own ACL user: the services and the portal (sessions).</summary>
    public static IReadOnlyList<string> RedisUsers { get; } = [.. Services.Keys.Order(StringComparer.Ordinal), PortalAppId];

    public static TheoryData<string> Overlays => new(Manifests.Overlays);

    public static TheoryData<string> ServiceAppIds => new(Services.Keys.Order(StringComparer.Ordinal));
}

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

    public static TheoryData<string> Overlays => new(Manifests.Overlays);

    public static TheoryData<string> ServiceAppIds => new(Services.Keys.Order(StringComparer.Ordinal));
}

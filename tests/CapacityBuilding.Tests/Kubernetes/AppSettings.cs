using System.Text.Json.Nodes;

namespace CapacityBuilding.Tests.Kubernetes;

/// <summary>The ports a project's appsettings.json gives it, which the manifests must match.</summary>
internal static class AppSettings
{
    public static JsonNode Of(string projectFolder) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(projectFolder, "appsettings.json")))!;

    /// <summary>A service's one port, from <c>Urls</c>.</summary>
    public static int ServicePort(string projectFolder) => PortOf(Of(projectFolder)["Urls"]!.GetValue<string>());

    /// <summary>The port of one of the gateway's Kestrel endpoints (<c>Rest</c>, <c>Grpc</c>).</summary>
    public static int GatewayPort(string endpoint) =>
        PortOf(Of(CodeUnderTest.GatewayFolder)["Kestrel"]!["Endpoints"]![endpoint]!["Url"]!.GetValue<string>());

    /// <summary>The port of a URL such as <c>http://+:5101</c>, which <see cref="Uri"/> does not parse.</summary>
    public static int PortOf(string url) =>
        int.Parse(url[(url.LastIndexOf(':') + 1)..].TrimEnd('/'), System.Globalization.CultureInfo.InvariantCulture);
}

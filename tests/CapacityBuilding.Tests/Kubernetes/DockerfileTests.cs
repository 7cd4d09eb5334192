using CapacityBuilding.Testing;

namespace CapacityBuilding.Tests.Kubernetes;

/// <summary>
/// Images cannot be built on our machines (no container engine), so each Dockerfile is read
/// against what the manifests expect of the image: multi-stage, the ASP.NET runtime of the
/// projects' target framework as the last stage, the non-root user the pods run as, the
/// project's own entry point and ports.
/// </summary>
public sealed class DockerfileTests
{
    /// <summary>The uid of the "app" user of Microsoft's .NET images ($APP_UID).</summary>
    private const string DotnetImagesAppUid = "1654";

    public static TheoryData<string> AppIds => new(CodeUnderTest.Services.Keys.Append(CodeUnderTest.GatewayAppId).Append(CodeUnderTest.PortalAppId).Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(AppIds))]
    public void The_image_is_built_in_stages_and_runs_the_project_as_the_pods_non_root_user(string appId)
    {
        var project = appId switch
        {
            CodeUnderTest.GatewayAppId => CodeUnderTest.GatewayFolder,
            CodeUnderTest.PortalAppId => CodeUnderTest.PortalFolder,
            _ => CodeUnderTest.Services[appId],
        };
        var lines = File.ReadAllLines(Path.Combine(project, "Dockerfile")).Select(line => line.Trim()).ToList();
        var stages = lines.Select((line, index) => (line, index)).Where(entry => entry.line.StartsWith("FROM ", StringComparison.Ordinal)).ToList();
        Assert.True(stages.Count >= 2, "A build stage and a runtime stage.");

        var runtime = lines.Skip(stages[^1].index).ToList();
        Assert.StartsWith($"FROM mcr.microsoft.com/dotnet/aspnet:{TargetFrameworkVersion()}", runtime[0], StringComparison.Ordinal);
        Assert.Contains("USER $APP_UID", runtime);
        Assert.Contains($"ENTRYPOINT [\"dotnet\", \"{Path.GetFileName(project)}.dll\"]", runtime);

        var deployment = Manifests.Base.DaprApps[appId];
        Assert.Equal(DotnetImagesAppUid, Manifests.PodSpecOf(deployment)["securityContext"]!["runAsUser"]!.GetValue<string>());
        var exposed = runtime.Where(line => line.StartsWith("EXPOSE ", StringComparison.Ordinal)).SelectMany(line => line[7..].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        var containerPorts = Manifests.ContainersOf(deployment).Single()["ports"]!.AsArray().Select(port => port!["containerPort"]!.GetValue<string>());
        Assert.Equal(containerPorts.Order(StringComparer.Ordinal), exposed.Order(StringComparer.Ordinal));
    }

    /// <summary>"10.0" for net10.0, from Directory.Build.props.</summary>
    private static string TargetFrameworkVersion()
    {
        var props = File.ReadAllText(Path.Combine(RepositoryLayout.Root.FullName, "Directory.Build.props"));
        return System.Text.RegularExpressions.Regex.Match(props, @"<TargetFramework>net(?<version>[\d.]+)</TargetFramework>").Groups["version"].Value;
    }
}

using System.Text.Json.Nodes;
using CapacityBuilding.Testing;
using CapacityBuilding.Tests.Kubernetes;

namespace CapacityBuilding.Tests.Security;

/// <summary>
/// The deployment gives every app what service identity needs (docs/security.md, "Service
/// identity"): the apps' own key from one Secret, and, for each app other apps may call through
/// Dapr, the app token by which it believes its sidecar's <c>dapr-caller-app-id</c>. The dev overlay
/// renders both Secrets; in prod the operator creates them as docs/deployment.md says.
/// </summary>
public sealed class ServiceIdentityManifestTests
{
    private const string ServiceKeyVariable = "Authentication__ServiceTokens__SigningKey";
    private const string AppTokenSecretAnnotation = "dapr.io/app-token-secret";

    [Theory]
    [MemberData(nameof(CodeUnderTest.Overlays), MemberType = typeof(CodeUnderTest))]
    public void The_gateway_and_every_app_other_apps_call_get_the_apps_key_from_one_secret(string overlay)
    {
        var manifests = Manifests.Overlay(overlay);
        var apps = Callees(manifests).Append(CodeUnderTest.GatewayAppId).ToList();

        var secrets = apps.Select(appId =>
        {
            var container = Manifests.ContainersOf(manifests.DaprApps[appId]).Single();
            var reference = container["env"]?.AsArray().SingleOrDefault(variable => variable!["name"]!.GetValue<string>() == ServiceKeyVariable)?["valueFrom"]?["secretKeyRef"];
            Assert.True(reference is not null, $"{overlay}: {appId} has no {ServiceKeyVariable} from a Secret.");
            return $"{reference["name"]}/{reference["key"]}";
        }).Distinct().ToList();

        Assert.Single(secrets);
    }

    [Theory]
    [MemberData(nameof(CodeUnderTest.Overlays), MemberType = typeof(CodeUnderTest))]
    public void Every_app_other_apps_call_through_Dapr_trusts_its_sidecar_by_an_app_token(string overlay)
    {
        var manifests = Manifests.Overlay(overlay);
        var deploymentPage = File.ReadAllText(Path.Combine(RepositoryLayout.Root.FullName, "docs", "deployment.md"));
        var callees = Callees(manifests).ToList();
        Assert.NotEmpty(callees);

        foreach (var appId in callees)
        {
            var secret = Manifests.PodAnnotation(manifests.DaprApps[appId], AppTokenSecretAnnotation);
            Assert.True(secret is not null, $"{overlay}: {appId} may be called through Dapr but has no {AppTokenSecretAnnotation}.");
            if (overlay == "prod")
            {
                Assert.Null(manifests.Find("Secret", secret));
                Assert.Contains($"kubectl create secret generic {secret} --namespace capacitybuilding --from-literal=token=", deploymentPage, StringComparison.Ordinal);
            }
            else
            {
                Assert.True(manifests.Find("Secret", secret)?["stringData"]?["token"] is not null, $"{overlay}: no Secret {secret} with key token.");
            }
        }
    }

    /// <summary>The apps whose Dapr access control lets some other app call them.</summary>
    private static IEnumerable<string> Callees(Manifests manifests) =>
        manifests.DaprApps.Keys.Where(appId =>
            manifests.DaprConfigurationOf(appId)?["spec"]?["accessControl"]?["policies"] is JsonArray { Count: > 0 });
}

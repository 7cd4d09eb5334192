using CapacityBuilding.ServiceDefaults.Identity;
using CapacityBuilding.Tests.Kubernetes;

namespace CapacityBuilding.Tests.Security;

/// <summary>
/// A signing key committed to the repository is known to everyone, so the processes refuse it
/// outside Development (StartupValidationTests starts them with it): the list they refuse must
/// hold every key k8s/ ships, and only the dev overlay may run as Development, with an issuer of
/// its own so that no dev token is ever valid in production.
/// </summary>
public sealed class PublishedSigningKeyTests
{
    private const string DevIssuer = "capacitybuilding-local";

    [Theory]
    [MemberData(nameof(CodeUnderTest.Overlays), MemberType = typeof(CodeUnderTest))]
    public void Every_signing_key_committed_under_k8s_is_on_the_refused_list(string overlay)
    {
        var committed = Manifests.Overlay(overlay).OfKind("Secret")
            .Where(secret => Manifests.NameOf(secret).Contains("signing-key", StringComparison.Ordinal))
            .SelectMany(secret => secret["stringData"]?.AsObject().Select(entry => entry.Value!.GetValue<string>()) ?? [])
            .ToList();

        Assert.All(committed, key => Assert.Contains(key, PublishedSigningKeys.All));
    }

    [Fact]
    public void The_dev_overlay_runs_as_Development_with_the_dev_issuer()
    {
        foreach (var (appId, deployment) in Manifests.Overlay("dev").DaprApps)
        {
            var container = Manifests.ContainersOf(deployment).Single();
            Assert.True(Manifests.EnvValue(container, "ASPNETCORE_ENVIRONMENT") == "Development", $"{appId}: the dev overlay's key is accepted only in Development.");
            Assert.Equal(DevIssuer, Manifests.EnvValue(container, "Authentication__Jwt__Issuer"));
        }
    }

    [Fact]
    public void Production_neither_runs_as_Development_nor_shares_the_dev_issuer()
    {
        foreach (var (appId, deployment) in Manifests.Overlay("prod").DaprApps)
        {
            var container = Manifests.ContainersOf(deployment).Single();
            Assert.True(Manifests.EnvValue(container, "ASPNETCORE_ENVIRONMENT") is null or "Production", $"{appId}: production must not run as Development.");
            Assert.NotEqual(DevIssuer, Manifests.EnvValue(container, "Authentication__Jwt__Issuer"));
        }
    }
}

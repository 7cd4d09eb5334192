namespace CapacityBuilding.ServiceDefaults.Identity;

/// <summary>
/// Signing keys anyone can read in this repository, so anyone could mint tokens for them: a
/// process outside Development refuses them, for user tokens and service tokens alike
/// (<see cref="SigningKeyRules"/>). A test holds the list to every key committed under k8s/.
/// </summary>
public static class PublishedSigningKeys
{
    /// <summary>The dev overlay's <c>jwt-signing-key</c> Secret (k8s/overlays/dev/jwt-signing-key.yaml).</summary>
    public const string DevOverlay = "ZGV2LW9ubHktc2lnbmluZy1rZXktbm90LWEtc2VjcmV0LTMyYnl0ZXM=";

    /// <summary>The dev overlay's <c>service-token-signing-key</c> Secret (k8s/overlays/dev/service-token-signing-key.yaml).</summary>
    public const string DevOverlayServiceTokens = "ZGV2LW9ubHktc2VydmljZS10b2tlbi1rZXktbm90LWEtc2VjcmV0ISE=";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal) { DevOverlay, DevOverlayServiceTokens };
}

namespace CapacityBuilding.ServiceDefaults.Identity;

/// <summary>
/// Configuration section <c>Authentication:ServiceTokens</c>: the tokens an app of the suite signs
/// for itself (role <c>service</c>, its <see cref="AppId"/> as subject), with a key and an issuer
/// of their own, held by the apps only. A user token never comes from this key, and a service
/// token never from the users' one (<see cref="ServiceAuthenticationExtensions"/>).
/// </summary>
public sealed class ServiceTokenOptions
{
    public const string SectionName = "Authentication:ServiceTokens";

    public string Issuer { get; set; } = "capacitybuilding-services";

    public string Audience { get; set; } = "capacitybuilding-services";

    /// <summary>Base64 of at least 32 random bytes (HS256), the same in every app of one deployment.</summary>
    public string? SigningKey { get; set; }

    /// <summary>
    /// The app's own id, as Dapr knows it: by default its assembly's name without the
    /// <c>CapacityBuilding.</c> prefix, lowercased (<c>assistance</c>, <c>gateway</c>, <c>portal</c>),
    /// which is how every app of the suite is named in k8s/ (<see cref="ServiceTokenAppId"/>).
    /// </summary>
    public string AppId { get; set; } = "";
}

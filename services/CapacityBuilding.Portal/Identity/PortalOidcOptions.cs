namespace CapacityBuilding.Portal.Identity;

/// <summary>
/// Configuration section <c>Portal:Oidc</c>: the organisation's identity provider, used outside
/// Development (code flow with PKCE). <see cref="ApiScope"/> asks for an access token whose
/// audience is the services' (<c>Authentication:Jwt:Audience</c>).
/// </summary>
public sealed class PortalOidcOptions
{
    public const string SectionName = "Portal:Oidc";

    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    /// <summary>From a Secret (k8s/base/portal); a public client with PKCE alone leaves it empty.</summary>
    public string? ClientSecret { get; set; }

    public string? ApiScope { get; set; }
}

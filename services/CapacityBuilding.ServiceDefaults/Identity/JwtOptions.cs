namespace CapacityBuilding.ServiceDefaults.Identity;

/// <summary>
/// Configuration section <c>Authentication:Jwt</c>: how bearer tokens are validated. Either an
/// OIDC <see cref="Authority"/> (keys from its discovery document) or a shared
/// <see cref="SigningKey"/> (HS256; run.sh generates one per machine for local runs) must be set,
/// or the process refuses to start.
/// </summary>
public sealed class JwtOptions
{
    public const string SectionName = "Authentication:Jwt";

    public string Issuer { get; set; } = "";

    public string Audience { get; set; } = "";

    /// <summary>Base64 of at least 32 random bytes.</summary>
    public string? SigningKey { get; set; }

    public string? Authority { get; set; }

    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);
}

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

    /// <summary>
    /// The <c>typ</c> headers accepted: <c>at+jwt</c> (RFC 9068 access tokens) and <c>JWT</c>,
    /// which most OIDC providers and our own minting still write. Other JWTs a provider issues
    /// (logout tokens <c>logout+jwt</c>, security events <c>secevent+jwt</c>) are refused.
    /// </summary>
    public static readonly IReadOnlyList<string> AccessTokenTypes = ["at+jwt", "JWT"];

    /// <summary>The algorithms accepted from an OIDC authority: asymmetric only, so its public keys can never verify an HMAC.</summary>
    public static readonly IReadOnlyList<string> AuthorityAlgorithms = ["RS256", "PS256", "ES256"];

    public string Issuer { get; set; } = "";

    public string Audience { get; set; } = "";

    /// <summary>Base64 of at least 32 random bytes.</summary>
    public string? SigningKey { get; set; }

    public string? Authority { get; set; }

    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);
}

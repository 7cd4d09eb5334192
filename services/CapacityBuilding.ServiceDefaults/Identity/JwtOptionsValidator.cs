using Microsoft.Extensions.Options;

namespace CapacityBuilding.ServiceDefaults.Identity;

/// <summary>
/// <c>Authentication:Jwt</c>: an issuer and an audience, and exactly one way to check signatures,
/// an OIDC authority or a shared HS256 key of at least 256 bits.
/// </summary>
internal sealed class JwtOptionsValidator : IValidateOptions<JwtOptions>
{
    private const string Section = JwtOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, JwtOptions options)
    {
        var failures = new ValidateOptionsResultBuilder();
        if (string.IsNullOrWhiteSpace(options.Issuer) || string.IsNullOrWhiteSpace(options.Audience))
        {
            failures.AddError($"{Section}:Issuer and {Section}:Audience must be configured.");
        }

        var hasKey = !string.IsNullOrWhiteSpace(options.SigningKey);
        if (hasKey == !string.IsNullOrWhiteSpace(options.Authority))
        {
            failures.AddError($"Configure exactly one of {Section}:SigningKey (base64, 32+ bytes) or {Section}:Authority (an OIDC issuer).");
        }
        else if (hasKey && SigningKeyProblem(options.SigningKey!) is { } problem)
        {
            failures.AddError($"{Section}:SigningKey {problem}");
        }

        return failures.Build();
    }

    private static string? SigningKeyProblem(string signingKey)
    {
        var key = new byte[signingKey.Length];
        if (!Convert.TryFromBase64String(signingKey, key, out var length))
        {
            return "is not base64.";
        }

        return length < 32 ? "must be at least 32 bytes (256 bits)." : null;
    }
}

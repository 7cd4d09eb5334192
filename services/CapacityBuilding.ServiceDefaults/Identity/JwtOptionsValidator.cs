using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CapacityBuilding.ServiceDefaults.Identity;

/// <summary>
/// <c>Authentication:Jwt</c>: an issuer and an audience, and exactly one way to check signatures,
/// an OIDC authority or a shared HS256 key of at least 256 bits. Outside Development the key must
/// be one nobody else has read (not a key <see cref="PublishedSigningKeys">published in this
/// repository</see>), and the authority's metadata comes over HTTPS only.
/// </summary>
internal sealed class JwtOptionsValidator(IHostEnvironment environment) : IValidateOptions<JwtOptions>
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
        else if (hasKey && SigningKeyRules.Problem(options.SigningKey!, environment) is { } problem)
        {
            failures.AddError($"{Section}:SigningKey {problem}");
        }
        else if (!hasKey && !environment.IsDevelopment() && !options.Authority!.StartsWith("https://", StringComparison.Ordinal))
        {
            failures.AddError($"{Section}:Authority must be an https:// address outside Development: its signing keys are fetched from it.");
        }

        return failures.Build();
    }
}

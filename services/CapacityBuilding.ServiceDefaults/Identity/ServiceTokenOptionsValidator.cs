using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CapacityBuilding.ServiceDefaults.Identity;

/// <summary>
/// <c>Authentication:ServiceTokens</c>: an issuer and an audience that no user token carries (the
/// issuer is how a service token is told from a user's before either is checked), an app-id, and a
/// key held to the same rules as the users' (<see cref="SigningKeyRules"/>). Whether the key must be
/// there is for the app to say: <see cref="ServiceTokenKeyValidator"/>.
/// </summary>
internal sealed class ServiceTokenOptionsValidator(IHostEnvironment environment, IOptions<JwtOptions> userTokens) : IValidateOptions<ServiceTokenOptions>
{
    private const string Section = ServiceTokenOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, ServiceTokenOptions options)
    {
        var failures = new ValidateOptionsResultBuilder();
        if (string.IsNullOrWhiteSpace(options.Issuer) || string.IsNullOrWhiteSpace(options.Audience))
        {
            failures.AddError($"{Section}:Issuer and {Section}:Audience must be configured.");
        }
        else if (options.Issuer == userTokens.Value.Issuer)
        {
            failures.AddError($"{Section}:Issuer must differ from {JwtOptions.SectionName}:Issuer ('{options.Issuer}'): the issuer tells a service token from a user's.");
        }

        if (string.IsNullOrWhiteSpace(options.AppId))
        {
            failures.AddError($"{Section}:AppId must name this app as Dapr knows it.");
        }

        if (!string.IsNullOrWhiteSpace(options.SigningKey) && SigningKeyRules.Problem(options.SigningKey, environment) is { } problem)
        {
            failures.AddError($"{Section}:SigningKey {problem}");
        }
        else if (!string.IsNullOrWhiteSpace(options.SigningKey) && options.SigningKey.Trim() == userTokens.Value.SigningKey?.Trim())
        {
            failures.AddError($"{Section}:SigningKey must differ from {JwtOptions.SectionName}:SigningKey: whoever signs user tokens must not be able to sign an app's.");
        }

        return failures.Build();
    }
}

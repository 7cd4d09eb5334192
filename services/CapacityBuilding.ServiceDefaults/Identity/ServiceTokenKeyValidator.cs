using Microsoft.Extensions.Options;

namespace CapacityBuilding.ServiceDefaults.Identity;

/// <summary>
/// An app that calls another as itself signs its own token (<see cref="ServiceTokens"/>) with the
/// shared key. Under an OIDC authority that token would have to come from the authority (a
/// client-credentials grant), which the suite does not do yet: such an app refuses to start.
/// </summary>
internal sealed class ServiceTokenKeyValidator : IValidateOptions<JwtOptions>
{
    public ValidateOptionsResult Validate(string? name, JwtOptions options) =>
        string.IsNullOrWhiteSpace(options.SigningKey)
            ? ValidateOptionsResult.Fail(
                $"{JwtOptions.SectionName}:SigningKey must be set: this service signs its own token with it for the reads it makes as itself.")
            : ValidateOptionsResult.Success;
}

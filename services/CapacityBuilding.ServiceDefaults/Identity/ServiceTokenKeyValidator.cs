using Microsoft.Extensions.Options;

namespace CapacityBuilding.ServiceDefaults.Identity;

/// <summary>
/// Refuses to start without <c>Authentication:ServiceTokens:SigningKey</c> an app that needs it,
/// saying what for (<paramref name="need"/>): a service checks the relaying app's token with it,
/// the gateway and apps calling in Direct mode sign their own identity with it, and an app that
/// reads as itself signs its bearer token with it.
/// </summary>
internal sealed class ServiceTokenKeyValidator(string need) : IValidateOptions<ServiceTokenOptions>
{
    public ValidateOptionsResult Validate(string? name, ServiceTokenOptions options) =>
        string.IsNullOrWhiteSpace(options.SigningKey)
            ? ValidateOptionsResult.Fail($"{ServiceTokenOptions.SectionName}:SigningKey must be set: {need}")
            : ValidateOptionsResult.Success;
}

using CapacityBuilding.ServiceDefaults.Identity;
using Microsoft.Extensions.Options;

namespace CapacityBuilding.Portal.Identity;

/// <summary>
/// Development: the demo users' tokens are minted with <c>Authentication:Jwt:SigningKey</c> for
/// the services' issuer and audience (run.sh sets all three), so all three must be there. The
/// services check the key's strength when they validate the tokens.
/// </summary>
internal sealed class DevSigningKeyValidator : IValidateOptions<JwtOptions>
{
    public ValidateOptionsResult Validate(string? name, JwtOptions options) =>
        string.IsNullOrWhiteSpace(options.SigningKey) || string.IsNullOrWhiteSpace(options.Issuer) || string.IsNullOrWhiteSpace(options.Audience)
            ? ValidateOptionsResult.Fail($"{JwtOptions.SectionName}:SigningKey, :Issuer and :Audience must be set for the Development sign-in (run.sh sets them).")
            : ValidateOptionsResult.Success;
}

using CapacityBuilding.ServiceDefaults.Identity;
using Microsoft.Extensions.Options;

namespace CapacityBuilding.ServiceDefaults.Invocation;

/// <summary>
/// An app calling others in Direct mode names itself with a token it signs
/// (<see cref="AppIdentityInterceptor"/>), so it needs <c>Authentication:ServiceTokens:SigningKey</c>;
/// in Dapr mode its sidecar names it and the key is not needed for that.
/// </summary>
internal sealed class DirectModeKeyValidator(IOptions<InvocationOptions> invocation) : IValidateOptions<ServiceTokenOptions>
{
    public ValidateOptionsResult Validate(string? name, ServiceTokenOptions options) =>
        invocation.Value.Mode == InvocationMode.Direct && string.IsNullOrWhiteSpace(options.SigningKey)
            ? ValidateOptionsResult.Fail(
                $"{ServiceTokenOptions.SectionName}:SigningKey must be set in Direct mode: this app signs with it its identity on every call to another app.")
            : ValidateOptionsResult.Success;
}

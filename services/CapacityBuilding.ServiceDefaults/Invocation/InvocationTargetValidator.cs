using Dapr;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace CapacityBuilding.ServiceDefaults.Invocation;

/// <summary>
/// Where calls to <paramref name="appId"/> go must be known at start: in Direct mode
/// <c>Invocation:Apps:{appId}</c> is the app's absolute http(s) address; in Dapr mode the sidecar's
/// (<c>DAPR_GRPC_ENDPOINT</c>, else <c>DAPR_GRPC_PORT</c> on localhost) is.
/// </summary>
internal sealed class InvocationTargetValidator(string appId, IConfiguration configuration) : IValidateOptions<InvocationOptions>
{
    public ValidateOptionsResult Validate(string? name, InvocationOptions options) => options.Mode switch
    {
        InvocationMode.Direct when !options.Apps.TryGetValue(appId, out var address) || !IsHttpAddress(address) =>
            ValidateOptionsResult.Fail(
                $"{InvocationOptions.SectionName}:{nameof(InvocationOptions.Apps)}:{appId} must be the absolute http(s) address of '{appId}' in Direct mode (e.g. http://localhost:5102)."),
        InvocationMode.Dapr when !IsHttpAddress(SidecarAddress()) =>
            ValidateOptionsResult.Fail(
                $"DAPR_GRPC_ENDPOINT (or DAPR_GRPC_PORT) must give the Dapr sidecar's absolute http(s) address: Dapr mode calls '{appId}' through it."),
        _ => ValidateOptionsResult.Success,
    };

    private Uri? SidecarAddress()
    {
        try
        {
            return Uri.TryCreate(DaprDefaults.GetDefaultGrpcEndpoint(configuration), UriKind.Absolute, out var address) ? address : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static bool IsHttpAddress(Uri? address) =>
        address is { IsAbsoluteUri: true } && (address.Scheme == Uri.UriSchemeHttp || address.Scheme == Uri.UriSchemeHttps);
}

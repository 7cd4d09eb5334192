using Microsoft.Extensions.Options;

namespace CapacityBuilding.Gateway.OpenApi;

/// <summary>
/// <c>ApiReference:Path</c> is one or more plain segments that no API route, the document or
/// <c>/health</c> owns: a page there would hide them (or the gateway would route them elsewhere).
/// </summary>
internal sealed class ApiReferenceOptionsValidator : IValidateOptions<ApiReferenceOptions>
{
    private static readonly string[] TakenPrefixes = ["/v1", "/openapi", "/health", "/capacitybuilding.", "/grpc."];

    public ValidateOptionsResult Validate(string? name, ApiReferenceOptions options)
    {
        var path = options.Path;
        var key = $"{ApiReferenceOptions.SectionName}:{nameof(ApiReferenceOptions.Path)}";
        if (string.IsNullOrEmpty(path) || !path.StartsWith('/') || path.EndsWith('/')
            || path.Skip(1).Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '/')) || path.Contains("//", StringComparison.Ordinal))
        {
            return ValidateOptionsResult.Fail($"{key} must be a path such as /reference: a leading slash, letters, digits, '-', '_', no trailing slash.");
        }

        var taken = TakenPrefixes.FirstOrDefault(prefix => path.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));
        return taken is null
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"{key} ({path}) is under {taken}, which the gateway serves otherwise.");
    }
}

using Microsoft.Extensions.Options;

namespace CapacityBuilding.Portal.Identity;

/// <summary><c>Portal:Oidc</c>: an https authority (its metadata is fetched over HTTPS only), a client id, and the API scope.</summary>
internal sealed class PortalOidcOptionsValidator : IValidateOptions<PortalOidcOptions>
{
    private const string Section = PortalOidcOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, PortalOidcOptions options)
    {
        var failures = new ValidateOptionsResultBuilder();
        if (!Uri.TryCreate(options.Authority, UriKind.Absolute, out var authority) || authority.Scheme != Uri.UriSchemeHttps)
        {
            failures.AddError($"{Section}:{nameof(PortalOidcOptions.Authority)} must be the identity provider's absolute https address.");
        }

        if (string.IsNullOrWhiteSpace(options.ClientId))
        {
            failures.AddError($"{Section}:{nameof(PortalOidcOptions.ClientId)} must name the portal's client at the identity provider.");
        }

        if (string.IsNullOrWhiteSpace(options.ApiScope))
        {
            failures.AddError($"{Section}:{nameof(PortalOidcOptions.ApiScope)} must name the scope of the services' API, so the access token is for them.");
        }

        return failures.Build();
    }
}

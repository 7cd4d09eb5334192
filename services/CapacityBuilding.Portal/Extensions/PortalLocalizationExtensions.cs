using CapacityBuilding.Portal.Localization;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Localization;

namespace CapacityBuilding.Portal.Extensions;

/// <summary>
/// UI strings from resource files under <c>Resources/</c> (one per component, plus
/// <see cref="CommonStrings"/>), the culture from the user's choice (cookie) or the browser's
/// Accept-Language, and, in strict mode, a visible marker for a missing string.
/// </summary>
public static class PortalLocalizationExtensions
{
    public static WebApplicationBuilder AddPortalLocalization(this WebApplicationBuilder builder)
    {
        builder.Services.AddLocalization(options => options.ResourcesPath = "Resources");
        builder.Services.AddSingleton<CodeListNames>();
        // The plain factory, for keys a page may leave out (ServiceErrorMessages): never marked.
        builder.Services.AddSingleton<ResourceManagerStringLocalizerFactory>();
        builder.Services.AddSingleton<ServiceErrorMessages>();
        var strict = builder.Configuration.GetSection(PortalLocalizationOptions.SectionName).Get<PortalLocalizationOptions>()?.FailOnMissingStrings ?? false;
        if (strict)
        {
            builder.Services.AddSingleton<IStringLocalizerFactory, MissingStringMarkerFactory>();
        }

        builder.Services.Configure<RequestLocalizationOptions>(options =>
        {
            var cultures = PortalCultures.Supported.ToArray();
            options.SetDefaultCulture(PortalCultures.Default).AddSupportedCultures(cultures).AddSupportedUICultures(cultures);
            // A chosen language (cookie) first, then the browser's; never a query string, which
            // would make every shared link change the reader's language.
            options.RequestCultureProviders = [new CookieRequestCultureProvider(), new AcceptLanguageHeaderRequestCultureProvider()];
            options.FallBackToParentCultures = true;
            options.FallBackToParentUICultures = true;
        });
        return builder;
    }
}

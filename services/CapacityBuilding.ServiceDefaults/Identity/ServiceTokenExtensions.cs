using CapacityBuilding.ServiceDefaults.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CapacityBuilding.ServiceDefaults.Identity;

public static class ServiceTokenExtensions
{
    /// <summary>
    /// The app's own tokens (<see cref="ServiceTokens"/>) and their options, checked at start. Each
    /// caller that cannot work without the key says why in <paramref name="needsKeyFor"/>, which
    /// the refusal to start repeats; null when the key is optional for it.
    /// </summary>
    public static IServiceCollection AddServiceTokens(this IServiceCollection services, IConfiguration configuration, string? needsKeyFor)
    {
        services.AddValidatedOptions<ServiceTokenOptions, ServiceTokenOptionsValidator>(configuration, ServiceTokenOptions.SectionName);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<ServiceTokenOptions>, ServiceTokenAppId>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ServiceTokens>();
        if (needsKeyFor is not null)
        {
            services.AddSingleton<IValidateOptions<ServiceTokenOptions>>(new ServiceTokenKeyValidator(needsKeyFor));
        }

        return services;
    }
}

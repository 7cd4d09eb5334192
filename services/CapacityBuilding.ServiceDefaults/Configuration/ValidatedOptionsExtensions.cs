using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CapacityBuilding.ServiceDefaults.Configuration;

/// <summary>
/// How every options class of the suite is bound: from its section, checked by its validator when
/// the host starts (as YARP checks its routes), so a missing or wrong setting stops the process
/// with a message naming the key instead of failing the first call that needs it.
/// </summary>
public static class ValidatedOptionsExtensions
{
    /// <summary>Idempotent: a section several registrations need (e.g. one per client of another app) is bound once.</summary>
    public static OptionsBuilder<TOptions> AddValidatedOptions<TOptions, TValidator>(
        this IServiceCollection services, IConfiguration configuration, string sectionName)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
    {
        var validator = ServiceDescriptor.Singleton<IValidateOptions<TOptions>, TValidator>();
        if (services.Any(service => service.ServiceType == validator.ServiceType && service.ImplementationType == validator.ImplementationType))
        {
            return services.AddOptions<TOptions>();
        }

        services.Add(validator);
        return services.AddOptions<TOptions>().Bind(configuration.GetSection(sectionName)).ValidateOnStart();
    }
}

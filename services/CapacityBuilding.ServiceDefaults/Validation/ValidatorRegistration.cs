using Microsoft.Extensions.DependencyInjection;

namespace CapacityBuilding.ServiceDefaults.Validation;

public static class ValidatorRegistration
{
    /// <summary>
    /// Registers a validator once, and as the <see cref="IRequestRules{TRequest}"/> of every request
    /// type it implements them for, so that <see cref="RequestValidationInterceptor"/> finds them.
    /// </summary>
    public static IServiceCollection AddValidator<TValidator>(this IServiceCollection services)
        where TValidator : class
    {
        services.AddSingleton<TValidator>();
        foreach (var rules in typeof(TValidator).GetInterfaces().Where(type => type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IRequestRules<>)))
        {
            services.AddSingleton(rules, provider => provider.GetRequiredService<TValidator>());
        }

        return services;
    }
}

using CapacityBuilding.ServiceDefaults.Configuration;
using CapacityBuilding.ServiceDefaults.Errors;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CapacityBuilding.ServiceDefaults.Load;

public static class ConcurrentCallLimitExtensions
{
    /// <summary>
    /// Puts <see cref="ConcurrentCallLimit"/> first in the app's pipeline (a startup filter runs
    /// before anything the app adds, routing and authentication included), so that a shed call
    /// costs no token validation; its answers are in <paramref name="domain"/>.
    /// </summary>
    public static IServiceCollection AddConcurrentCallLimit(this IServiceCollection services, IConfiguration configuration, ErrorDomain domain)
    {
        services.AddValidatedOptions<ConcurrentCallOptions, ConcurrentCallOptionsValidator>(configuration, ConcurrentCallOptions.SectionName);
        services.AddSingleton(provider => new ConcurrentCallLimit(
            provider.GetRequiredService<IOptions<ConcurrentCallOptions>>(), domain, provider.GetRequiredService<ILogger<ConcurrentCallLimit>>()));
        services.AddSingleton<IStartupFilter, ConcurrentCallLimitFirst>();
        return services;
    }

    private sealed class ConcurrentCallLimitFirst(ConcurrentCallLimit limit) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(limit.InvokeAsync);
            next(app);
        };
    }
}

using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CapacityBuilding.ServiceDefaults.Identity;

/// <summary>
/// Names the app after its assembly when <c>Authentication:ServiceTokens:AppId</c> is not set, so
/// that an app which calls others gets its identity without code or configuration of its own.
/// </summary>
internal sealed class ServiceTokenAppId(IHostEnvironment environment) : IPostConfigureOptions<ServiceTokenOptions>
{
    private const string SuitePrefix = "CapacityBuilding.";

    public void PostConfigure(string? name, ServiceTokenOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.AppId))
        {
            var application = environment.ApplicationName;
            options.AppId = (application.StartsWith(SuitePrefix, StringComparison.Ordinal) ? application[SuitePrefix.Length..] : application)
                .ToLowerInvariant();
        }
    }
}

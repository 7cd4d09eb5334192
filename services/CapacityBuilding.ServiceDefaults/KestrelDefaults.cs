using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;

namespace CapacityBuilding.ServiceDefaults;

public static class KestrelDefaults
{
    /// <summary>
    /// No <c>Server</c> header, and the limits of <c>Kestrel:Limits</c> (body and header sizes):
    /// Kestrel reads its endpoints from configuration but not its limits.
    /// </summary>
    public static WebApplicationBuilder ConfigureKestrelDefaults(this WebApplicationBuilder builder)
    {
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            builder.Configuration.GetSection("Kestrel:Limits").Bind(kestrel.Limits);
        });
        return builder;
    }
}

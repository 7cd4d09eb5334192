using Grpc.AspNetCore.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CapacityBuilding.ServiceDefaults;

public static class KestrelDefaults
{
    /// <summary>
    /// No <c>Server</c> header, and the limits of <c>Kestrel:Limits</c> (body and header sizes):
    /// Kestrel reads its endpoints from configuration but not its limits. The body limit is also
    /// the largest gRPC message a caller may send, so that one number holds for REST and gRPC, at
    /// the gateway and in every service (see <see cref="Errors.GrpcMessageSizeLimit"/>).
    /// </summary>
    public static WebApplicationBuilder ConfigureKestrelDefaults(this WebApplicationBuilder builder)
    {
        var limits = builder.Configuration.GetSection("Kestrel:Limits");
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            limits.Bind(kestrel.Limits);
        });
        var maxBodySize = limits.GetValue(nameof(KestrelServerLimits.MaxRequestBodySize), new KestrelServerLimits().MaxRequestBodySize);
        builder.Services.Configure<GrpcServiceOptions>(grpc => grpc.MaxReceiveMessageSize = (int?)maxBodySize);
        return builder;
    }
}

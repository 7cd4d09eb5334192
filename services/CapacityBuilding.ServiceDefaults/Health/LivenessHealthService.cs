using Grpc.AspNetCore.HealthChecks;
using Microsoft.Extensions.DependencyInjection;

namespace CapacityBuilding.ServiceDefaults.Health;

/// <summary>
/// A second name on the standard gRPC health service, <c>liveness</c>, that runs no check and so
/// answers SERVING whenever the process answers at all. Kubernetes' liveness probes ask it:
/// the default service ("") reports Redis or the gateway's clusters, and restarting a process
/// does not bring those back (it reconnects by itself), so they belong to readiness only.
/// </summary>
public static class LivenessHealthService
{
    public const string Name = "liveness";

    public static IServiceCollection AddLivenessHealthService(this IServiceCollection services) =>
        services.Configure<GrpcHealthChecksOptions>(options => options.Services.Map(Name, _ => false));
}

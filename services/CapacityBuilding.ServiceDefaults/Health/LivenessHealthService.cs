using Grpc.AspNetCore.HealthChecks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CapacityBuilding.ServiceDefaults.Health;

/// <summary>
/// A second name on the standard gRPC health service, <c>liveness</c>, backed by one check that
/// is healthy whenever the process can answer at all. Kubernetes' liveness probes ask it: the
/// default service ("") reports Redis or the gateway's clusters, and restarting a process does
/// not bring those back (it reconnects by itself), so they belong to readiness only.
/// </summary>
public static class LivenessHealthService
{
    public const string Name = "liveness";

    public static IServiceCollection AddLivenessHealthService(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck(Name, () => HealthCheckResult.Healthy("The process answers."), tags: [Name]);
        return services.Configure<GrpcHealthChecksOptions>(options => options.Services.Map(Name, check => check.Tags.Contains(Name)));
    }
}

using CapacityBuilding.ServiceDefaults.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CapacityBuilding.ServiceDefaults.Audit;

public static class ChainCheckpointExtensions
{
    /// <summary>Signed chain checkpoints for auditors, with the key from <c>Audit:CheckpointSigningKey</c> checked at start.</summary>
    public static IServiceCollection AddChainCheckpoints(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<CheckpointSigningOptions, CheckpointSigningOptionsValidator>(configuration, CheckpointSigningOptions.SectionName);
        services.AddSingleton<ChainCheckpoints>();
        return services;
    }
}

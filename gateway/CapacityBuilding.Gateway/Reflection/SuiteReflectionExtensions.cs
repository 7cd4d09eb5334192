using Grpc.Reflection;
using AssistanceService = CapacityBuilding.Contracts.Assistance.V1.AssistanceService;
using FundingService = CapacityBuilding.Contracts.Funding.V1.FundingService;
using TrainingService = CapacityBuilding.Contracts.Training.V1.TrainingService;

namespace CapacityBuilding.Gateway.Reflection;

/// <summary>
/// gRPC server reflection (v1 and v1alpha, which older tools still ask for) describing every
/// public service behind the gateway. The services also serve reflection of their own, but a
/// client talking to the gateway sees one server, so the gateway answers for all of them.
/// </summary>
public static class SuiteReflectionExtensions
{
    private static readonly Google.Protobuf.Reflection.ServiceDescriptor[] PublicServices =
    [
        AssistanceService.Descriptor,
        TrainingService.Descriptor,
        FundingService.Descriptor,
        Grpc.Health.V1.Health.Descriptor,
        Grpc.Reflection.V1.ServerReflection.Descriptor,
        Grpc.Reflection.V1Alpha.ServerReflection.Descriptor,
    ];

    public static IServiceCollection AddSuiteReflection(this IServiceCollection services)
    {
        services.AddSingleton(new ReflectionServiceImpl(PublicServices));
        services.AddSingleton(new ReflectionV1ServiceImpl(PublicServices));
        return services;
    }

    public static IEndpointRouteBuilder MapSuiteReflection(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGrpcService<ReflectionServiceImpl>();
        endpoints.MapGrpcService<ReflectionV1ServiceImpl>();
        return endpoints;
    }
}

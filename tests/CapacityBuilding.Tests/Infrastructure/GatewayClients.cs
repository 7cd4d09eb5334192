using Google.Protobuf.Reflection;
using AssistanceClient = CapacityBuilding.Contracts.Assistance.V1.AssistanceService.AssistanceServiceClient;
using FundingClient = CapacityBuilding.Contracts.Funding.V1.FundingService.FundingServiceClient;
using TrainingClient = CapacityBuilding.Contracts.Training.V1.TrainingService.TrainingServiceClient;

namespace CapacityBuilding.Tests.Infrastructure;

/// <summary>The three services as a caller with a token sees them: through the suite's gateway over gRPC.</summary>
public static class GatewayClients
{
    /// <summary>Every service of the suite, for tests that must cover each of their methods.</summary>
    public static readonly ServiceDescriptor[] Services =
    [
        Contracts.Assistance.V1.AssistanceService.Descriptor,
        Contracts.Training.V1.TrainingService.Descriptor,
        Contracts.Funding.V1.FundingService.Descriptor,
    ];

    public static AssistanceClient AssistanceClient(this SuiteFixture suite, string token) => new(suite.Channel(suite.GatewayGrpcAddress, token));

    public static TrainingClient TrainingClient(this SuiteFixture suite, string token) => new(suite.Channel(suite.GatewayGrpcAddress, token));

    public static FundingClient FundingClient(this SuiteFixture suite, string token) => new(suite.Channel(suite.GatewayGrpcAddress, token));
}

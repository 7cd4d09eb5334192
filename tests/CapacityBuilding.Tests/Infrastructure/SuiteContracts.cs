using Google.Protobuf.Reflection;
using AssistanceService = CapacityBuilding.Contracts.Assistance.V1.AssistanceService;
using FundingService = CapacityBuilding.Contracts.Funding.V1.FundingService;
using TrainingService = CapacityBuilding.Contracts.Training.V1.TrainingService;

namespace CapacityBuilding.Tests.Infrastructure;

/// <summary>The suite's public services, as compiled from protos/.</summary>
public static class SuiteContracts
{
    public static readonly ServiceDescriptor[] Services = [AssistanceService.Descriptor, TrainingService.Descriptor, FundingService.Descriptor];
}

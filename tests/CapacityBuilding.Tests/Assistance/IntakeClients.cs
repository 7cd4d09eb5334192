using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.ServiceDefaults.Identity;
using CapacityBuilding.Tests.Infrastructure;

namespace CapacityBuilding.Tests.Assistance;

/// <summary>Assistance clients of the intake tests, through the gateway with a token of the role.</summary>
internal static class IntakeClients
{
    public static AssistanceService.AssistanceServiceClient As(SuiteFixture suite, CallerRole role, string subject, string? country = null, string? donorId = null) =>
        new(suite.Channel(suite.GatewayGrpcAddress, suite.Tokens.Mint(role, subject, country: country, donorId: donorId)));
}

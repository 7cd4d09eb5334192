using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.Contracts.Funding.V1;
using CapacityBuilding.Contracts.Training.V1;
using CapacityBuilding.Portal.Clients;
using CapacityBuilding.ServiceDefaults.Invocation;

namespace CapacityBuilding.Portal.Extensions;

/// <summary>
/// The three services' gRPC clients, through the suite's invocation layer (Dapr or direct is
/// configuration), each call carrying the signed-in user's token, but the public registry's
/// (<see cref="PublicRegistryClient"/>), which calls as the portal itself. Pages take a
/// <see cref="ServiceClientFactory{TClient}"/> and make the client when they call.
/// </summary>
public static class PortalClientsExtensions
{
    public static WebApplicationBuilder AddPortalClients(this WebApplicationBuilder builder)
    {
        builder.Services.AddServiceClient<AssistanceService.AssistanceServiceClient>(builder.Configuration, SuiteApps.Assistance, SuiteApps.AssistanceUnreachable);
        builder.Services.AddServiceClient<TrainingService.TrainingServiceClient>(builder.Configuration, SuiteApps.Training, SuiteApps.TrainingUnreachable);
        builder.Services.AddServiceClient<FundingService.FundingServiceClient>(builder.Configuration, SuiteApps.Funding, SuiteApps.FundingUnreachable);
        builder.Services.AddServiceClient<PublicRegistryClient>(builder.Configuration, SuiteApps.Funding, SuiteApps.FundingUnreachable)
            .CallAsService(builder.Configuration);
        return builder;
    }
}

using CapacityBuilding.Assistance.Access;
using CapacityBuilding.Assistance.Clients;
using CapacityBuilding.Assistance.Domain.Delivery;
using CapacityBuilding.Assistance.Domain.Requests;
using CapacityBuilding.Assistance.Domain.Results;
using CapacityBuilding.Assistance.Repositories;
using CapacityBuilding.ServiceDefaults.Audit;
using CapacityBuilding.ServiceDefaults.Configuration;
using CapacityBuilding.ServiceDefaults.Invocation;
using CapacityBuilding.ServiceDefaults.Validation;
using FundingClient = CapacityBuilding.Contracts.Funding.V1.FundingService.FundingServiceClient;
using TrainingClient = CapacityBuilding.Contracts.Training.V1.TrainingService.TrainingServiceClient;

namespace CapacityBuilding.Assistance.Extensions;

public static class ApplicationServiceExtensions
{
    public static WebApplicationBuilder AddApplicationServices(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(AssistancePermissions.Table);
        builder.Services.AddValidatedOptions<RequestListingOptions, RequestListingOptionsValidator>(builder.Configuration, RequestListingOptions.SectionName);
        builder.Services.AddSingleton<RedisAssistanceRequestRepository>();
        builder.Services.AddHostedService<RequestPairIndexBackfill>();
        builder.Services.AddValidator<AssistanceRequestValidator>();
        builder.Services.AddIntake();
        builder.Services.AddSingleton<RequestChanges>();
        builder.Services.AddSingleton<RequestAccess>();
        builder.Services.AddServiceClient<TrainingClient>(builder.Configuration, AssistanceApp.TrainingAppId, AssistanceApp.TrainingUnreachable);
        builder.Services.AddSingleton<KnownCourses>();
        builder.Services.AddSingleton<CourseCatalog>();
        builder.Services.AddSingleton<CourseMatcher>();
        builder.Services.AddServiceClient<FundingClient>(builder.Configuration, AssistanceApp.FundingAppId, AssistanceApp.FundingUnreachable);
        builder.Services.AddSingleton<DonorFunding>();
        builder.Services.AddSingleton<DonorRequestListing>();
        // Closing a request to funding is assistance's own act, not its caller's: funding allows it to the service only.
        builder.Services.AddServiceClient<FundingAsServiceClient>(builder.Configuration, AssistanceApp.FundingAppId, AssistanceApp.FundingUnreachableToClose)
            .CallAsService(builder.Configuration);
        builder.Services.AddSingleton<FundingClosures>();
        builder.Services.AddSingleton<RequestWithdrawal>();
        builder.Services.AddSingleton<AnyStateChanges>();
        builder.Services.AddSingleton<PublicationConsents>();
        builder.Services.AddSingleton<SecurityMarkings>();
        builder.Services.AddChainCheckpoints(builder.Configuration);
        builder.Services.AddSingleton<RedisDeliveryStepRepository>();
        builder.Services.AddSingleton<DeliveryEventSteps>();
        builder.Services.AddValidator<DeliveryEventStepRules>();
        builder.Services.AddSingleton<RedisOutcomeRepository>();
        builder.Services.AddSingleton<RequestResults>();
        builder.Services.AddValidator<OutcomeValidator>();
        builder.AddOffers();
        return builder;
    }
}

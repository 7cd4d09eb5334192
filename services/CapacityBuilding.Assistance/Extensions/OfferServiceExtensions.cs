using CapacityBuilding.Assistance.Access;
using CapacityBuilding.Assistance.Clients;
using CapacityBuilding.Assistance.Domain.Offers;
using CapacityBuilding.Assistance.Repositories;
using CapacityBuilding.ServiceDefaults.Configuration;
using CapacityBuilding.ServiceDefaults.Invocation;
using CapacityBuilding.ServiceDefaults.Validation;

namespace CapacityBuilding.Assistance.Extensions;

/// <summary>Offers: their storage, rules, the holds they keep in training and funding, and the sweeper.</summary>
public static class OfferServiceExtensions
{
    public static WebApplicationBuilder AddOffers(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<RedisOfferRepository>();
        builder.Services.AddValidator<OfferValidator>();
        builder.Services.AddSingleton<OfferAccess>();
        builder.Services.AddSingleton<OfferWrites>();
        builder.Services.AddSingleton<OfferListing>();
        builder.Services.AddSingleton<OfferSaga>();
        builder.Services.AddSingleton<OpenOffers>();
        // Holds are made with the caller's token (the owning service's rules apply to the caller);
        // confirmed and released as assistance itself.
        builder.Services.AddServiceClient<TrainingHoldsClient>(builder.Configuration, AssistanceApp.TrainingAppId, AssistanceApp.TrainingUnreachableToHold);
        builder.Services.AddServiceClient<FundingHoldsClient>(builder.Configuration, AssistanceApp.FundingAppId, AssistanceApp.FundingUnreachableToHold);
        builder.Services.AddServiceClient<TrainingHoldsAsServiceClient>(builder.Configuration, AssistanceApp.TrainingAppId, AssistanceApp.TrainingUnreachableToSettle)
            .CallAsService(builder.Configuration);
        builder.Services.AddServiceClient<FundingHoldsAsServiceClient>(builder.Configuration, AssistanceApp.FundingAppId, AssistanceApp.FundingUnreachableToSettle)
            .CallAsService(builder.Configuration);
        builder.Services.AddSingleton<OfferHolds>();
        builder.Services.AddValidatedOptions<OfferSweepOptions, OfferSweepOptionsValidator>(builder.Configuration, OfferSweepOptions.SectionName);
        builder.Services.AddHostedService<OfferSweeper>();
        return builder;
    }
}

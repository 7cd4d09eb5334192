using CapacityBuilding.Funding.Access;
using CapacityBuilding.Funding.Clients;
using CapacityBuilding.Funding.Domain.Allocations;
using CapacityBuilding.Funding.Domain.Contributions;
using CapacityBuilding.Funding.Domain.Disbursements;
using CapacityBuilding.Funding.Domain.Donors;
using CapacityBuilding.Funding.Domain.ExchangeRates;
using CapacityBuilding.Funding.Domain.Iati;
using CapacityBuilding.Funding.Domain.Ledger;
using CapacityBuilding.Funding.Domain.OpenNeeds;
using CapacityBuilding.Funding.Domain.Pledges;
using CapacityBuilding.Funding.Domain.Summaries;
using CapacityBuilding.Funding.Repositories;
using CapacityBuilding.ServiceDefaults.Audit;
using CapacityBuilding.ServiceDefaults.Configuration;
using CapacityBuilding.ServiceDefaults.Invocation;
using CapacityBuilding.ServiceDefaults.Validation;
using AssistanceClient = CapacityBuilding.Contracts.Assistance.V1.AssistanceService.AssistanceServiceClient;

namespace CapacityBuilding.Funding.Extensions;

public static class ApplicationServiceExtensions
{
    public static WebApplicationBuilder AddApplicationServices(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(FundingPermissions.Table);
        builder.Services.AddSingleton<DonorOwnership>();
        builder.Services.AddSingleton<RedisDonorRepository>();
        builder.Services.AddSingleton<PledgeLedgerChain>();
        builder.Services.AddSingleton<RedisPledgeRepository>();
        builder.Services.AddChainCheckpoints(builder.Configuration);
        builder.Services.AddSingleton<PledgeLedgerVerifier>();
        builder.Services.AddSingleton<RedisAllocationRepository>();
        builder.Services.AddSingleton<RequestClosures>();
        builder.Services.AddSingleton<RedisContributionRepository>();
        builder.Services.AddHostedService<DonorIndexBackfill>();
        builder.Services.AddSingleton<RedisFundingTotalsRepository>();
        builder.Services.AddHostedService<FundingTotalsRebuild>();
        builder.Services.AddSingleton<RedisExchangeRateRepository>();
        builder.Services.AddValidator<DonorValidator>();
        builder.Services.AddValidator<PledgeValidator>();
        builder.Services.AddValidator<AllocationValidator>();
        builder.Services.AddValidator<DisbursementValidator>();
        builder.Services.AddValidator<ContributionValidator>();
        builder.Services.AddValidator<ExchangeRateValidator>();
        // Funding reads requests as itself and applies a donor's rule on them itself
        // (DonorRequestAccess): with the donor's token, assistance would ask funding back.
        builder.Services.AddServiceClient<AssistanceClient>(builder.Configuration, FundingApp.AssistanceAppId, FundingApp.AssistanceUnreachable).CallAsService(builder.Configuration);
        builder.Services.AddSingleton<AssistanceRequests>();
        builder.Services.AddSingleton<RequestOutcomes>();
        builder.Services.AddSingleton<DonorRequestAccess>();
        builder.Services.AddHostedService<DonorBudgetsBackfill>();
        builder.Services.AddScoped<Allocator>();
        builder.Services.AddScoped<Disburser>();
        builder.Services.AddScoped<Contributor>();
        builder.Services.AddScoped<FundingReports>();
        builder.Services.AddScoped<OpenNeedsFinder>();
        builder.Services.AddScoped<FundedRequestsListing>();
        builder.Services.AddScoped<PublishedActivityPages>();
        builder.Services.AddScoped<PledgeReceiptsReader>();
        builder.Services.AddScoped<IatiActivitiesExport>();
        builder.Services.AddScoped<PublishedProjectRegistry>();
        builder.Services.AddSingleton<PublicIatiPageTokens>();
        builder.Services.AddValidatedOptions<IatiOptions, IatiOptionsValidator>(builder.Configuration, IatiOptions.SectionName);
        return builder;
    }
}

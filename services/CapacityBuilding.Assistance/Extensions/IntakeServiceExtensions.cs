using CapacityBuilding.Assistance.Domain.Approvals;
using CapacityBuilding.Assistance.Domain.Convention;
using CapacityBuilding.Assistance.Domain.Intake;
using CapacityBuilding.Assistance.Domain.Reports;
using CapacityBuilding.Assistance.Grpc;
using CapacityBuilding.Assistance.Repositories;
using CapacityBuilding.ServiceDefaults.Validation;

namespace CapacityBuilding.Assistance.Extensions;

public static class IntakeServiceExtensions
{
    /// <summary>Intake: approval rules and overlaps, needs assessment and mandate, Convention statuses, the counters and the reports read from them.</summary>
    public static IServiceCollection AddIntake(this IServiceCollection services)
    {
        services.AddValidator<ReviewRules>();
        services.AddSingleton<IntakeFieldRules>();
        services.AddSingleton<RedisOverlapIndexRepository>();
        services.AddSingleton<OverlapFinder>();
        services.AddHostedService<OverlapIndexBackfill>();
        services.AddSingleton<RequestApproval>();
        services.AddSingleton<RedisConventionStatusRepository>();
        services.AddSingleton<ConventionStatusRules>();
        services.AddSingleton<ConventionStatusChanges>();
        services.AddSingleton<RedisRequestCounterRepository>();
        services.AddSingleton<PipelineReport>();
        services.AddSingleton<ConventionCoverageReport>();
        services.AddSingleton<BudgetTotalsReport>();
        services.AddHostedService<RequestCounterBackfill>();
        services.AddHostedService<BudgetCounterBackfill>();
        services.AddSingleton<AssistanceIntake>();
        return services;
    }
}

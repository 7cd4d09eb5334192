using CapacityBuilding.Assistance.Domain.Approvals;
using CapacityBuilding.Assistance.Domain.Convention;
using CapacityBuilding.Assistance.Domain.Reports;
using CapacityBuilding.Assistance.Repositories;
using CapacityBuilding.ServiceDefaults.Validation;

namespace CapacityBuilding.Assistance.Grpc;

/// <summary>What the intake methods of <see cref="AssistanceService"/> use (approval, overlaps, Convention statuses, reports), handed over as one.</summary>
public sealed record AssistanceIntake(
    ReviewRules ReviewRules,
    RequestApproval Approval,
    OverlapFinder Overlaps,
    RedisConventionStatusRepository ConventionStatuses,
    ConventionStatusChanges ConventionStatusChanges,
    ConventionStatusRules ConventionStatusRules,
    AnnotatedFieldRules AnnotatedRules,
    PipelineReport Pipeline,
    ConventionCoverageReport Coverage,
    BudgetTotalsReport Budgets);

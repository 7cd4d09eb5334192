using CapacityBuilding.ServiceDefaults.Identity;
using static CapacityBuilding.ServiceDefaults.Identity.CallerRole;
using Service = CapacityBuilding.Contracts.Assistance.V1.AssistanceService;

namespace CapacityBuilding.Assistance.Access;

/// <summary>
/// Who may call what on the assistance service. Member states act only on their own country's
/// requests (<see cref="RequestAccess"/> checks that on the data), and only they consent to a
/// request being published (nobody may consent on a state's behalf); coordinators decide, and
/// mark what is too sensitive ever to be published, and suspend and resume the work;
/// auditors read everything, history included. Donors only see requests their money funds: the
/// service checks that on the data. Funding reads requests as itself (a service), the budgets
/// and states its own rules need, and applies its donor callers' rule itself; the programme's budget sums are for it and
/// coordinators.
/// </summary>
public static class AssistancePermissions
{
    public static readonly MethodPermissions Table = MethodPermissions.For(Service.Descriptor)
        .Allow(nameof(Service.AssistanceServiceBase.CreateAssistanceRequest), MemberState, Coordinator)
        .Allow(nameof(Service.AssistanceServiceBase.GetAssistanceRequest), MemberState, Coordinator, Donor, Auditor, CallerRole.Service)
        .Allow(nameof(Service.AssistanceServiceBase.ListAssistanceRequests), MemberState, Coordinator, Donor, Auditor, CallerRole.Service)
        .Allow(nameof(Service.AssistanceServiceBase.UpdateAssistanceRequest), MemberState, Coordinator)
        .Allow(nameof(Service.AssistanceServiceBase.SubmitAssistanceRequest), MemberState, Coordinator)
        .Allow(nameof(Service.AssistanceServiceBase.WithdrawAssistanceRequest), MemberState, Coordinator)
        .Allow(nameof(Service.AssistanceServiceBase.BeginAssistanceRequestReview), Coordinator)
        .Allow(nameof(Service.AssistanceServiceBase.ReviewAssistanceRequest), Coordinator)
        .Allow(nameof(Service.AssistanceServiceBase.StartAssistanceRequestDelivery), Coordinator)
        .Allow(nameof(Service.AssistanceServiceBase.CompleteAssistanceRequest), Coordinator)
        .Allow(nameof(Service.AssistanceServiceBase.MatchAssistanceRequestCourses), Coordinator)
        .Allow(nameof(Service.AssistanceServiceBase.ListHistoryEntries), MemberState, Coordinator, Auditor)
        .Allow(nameof(Service.AssistanceServiceBase.VerifyAssistanceRequestHistory), Coordinator, Auditor)
        .Allow(nameof(Service.AssistanceServiceBase.RecordDeliveryEvent), CallerRole.Service)
        .Allow(nameof(Service.AssistanceServiceBase.FindAssistanceRequestOverlaps), Coordinator, Auditor)
        .Allow(nameof(Service.AssistanceServiceBase.GetConventionStatus), MemberState, Coordinator, Donor, Auditor, CallerRole.Service)
        .Allow(nameof(Service.AssistanceServiceBase.ListConventionStatuses), MemberState, Coordinator, Donor, Auditor, CallerRole.Service)
        .Allow(nameof(Service.AssistanceServiceBase.UpdateConventionStatus), Coordinator)
        .Allow(nameof(Service.AssistanceServiceBase.GetConventionCoverage), MemberState, Coordinator, Donor, Auditor)
        .Allow(nameof(Service.AssistanceServiceBase.GetPipelineReport), MemberState, Coordinator, Donor, Auditor)
        .Allow(nameof(Service.AssistanceServiceBase.SetAssistanceRequestPublicationConsent), MemberState)
        .Allow(nameof(Service.AssistanceServiceBase.CreateOutcome), MemberState, Coordinator)
        .Allow(nameof(Service.AssistanceServiceBase.GetOutcome), MemberState, Coordinator, Donor, Auditor, CallerRole.Service)
        .Allow(nameof(Service.AssistanceServiceBase.ListOutcomes), MemberState, Coordinator, Donor, Auditor, CallerRole.Service)
        .Allow(nameof(Service.AssistanceServiceBase.UpdateOutcome), MemberState, Coordinator)
        .Allow(nameof(Service.AssistanceServiceBase.CreateOffer), Coordinator, Donor)
        .Allow(nameof(Service.AssistanceServiceBase.GetOffer), MemberState, Coordinator, Donor, Auditor)
        .Allow(nameof(Service.AssistanceServiceBase.ListOffers), MemberState, Coordinator, Donor, Auditor)
        .Allow(nameof(Service.AssistanceServiceBase.AcceptOffer), MemberState)
        .Allow(nameof(Service.AssistanceServiceBase.DeclineOffer), MemberState)
        .Allow(nameof(Service.AssistanceServiceBase.WithdrawOffer), Coordinator, Donor)
        .Allow(nameof(Service.AssistanceServiceBase.SetAssistanceRequestSecuritySensitive), Coordinator)
        .Allow(nameof(Service.AssistanceServiceBase.SuspendAssistanceRequest), Coordinator)
        .Allow(nameof(Service.AssistanceServiceBase.ResumeAssistanceRequest), Coordinator)
        .Allow(nameof(Service.AssistanceServiceBase.GetBudgetTotals), Coordinator, CallerRole.Service)
        .Build();
}

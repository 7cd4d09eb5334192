using CapacityBuilding.ServiceDefaults.Identity;
using static CapacityBuilding.ServiceDefaults.Identity.CallerRole;
using Service = CapacityBuilding.Contracts.Training.V1.TrainingService;

namespace CapacityBuilding.Training.Access;

/// <summary>
/// Who may call what on the training service: everyone reads the catalogue and its sessions,
/// coordinators keep them, member states enrol their own participants and evaluate what they attended.
/// Seats are held for a country by a coordinator or the assistance service (its offers, made with
/// the proposer's token), confirmed only by the assistance service (the requesting state accepted).
/// Coordinators keep the roster of experts and the delivery events; member states read their own
/// requests' events (and, trimmed, the experts on them) and evaluate them.
/// </summary>
public static class TrainingPermissions
{
    public static readonly MethodPermissions Table = MethodPermissions.For(Service.Descriptor)
        .Allow(nameof(Service.TrainingServiceBase.CreateCourse), Coordinator)
        .Allow(nameof(Service.TrainingServiceBase.UpdateCourse), Coordinator)
        .Allow(nameof(Service.TrainingServiceBase.GetCourse), MemberState, Coordinator, Donor, Auditor)
        .Allow(nameof(Service.TrainingServiceBase.ListCourses), MemberState, Coordinator, Donor, Auditor)
        .Allow(nameof(Service.TrainingServiceBase.SearchCourses), MemberState, Coordinator, Donor, Auditor)
        .Allow(nameof(Service.TrainingServiceBase.BatchGetCourses), MemberState, Coordinator, Donor, Auditor)
        .Allow(nameof(Service.TrainingServiceBase.MatchCourses), MemberState, Coordinator, Auditor)
        .Allow(nameof(Service.TrainingServiceBase.CreateSession), Coordinator)
        .Allow(nameof(Service.TrainingServiceBase.UpdateSession), Coordinator)
        .Allow(nameof(Service.TrainingServiceBase.GetSession), MemberState, Coordinator, Donor, Auditor)
        .Allow(nameof(Service.TrainingServiceBase.ListSessions), MemberState, Coordinator, Donor, Auditor)
        .Allow(nameof(Service.TrainingServiceBase.CreateEnrolment), MemberState, Coordinator)
        .Allow(nameof(Service.TrainingServiceBase.CancelEnrolment), MemberState, Coordinator)
        .Allow(nameof(Service.TrainingServiceBase.GetEnrolment), MemberState, Coordinator, Auditor)
        .Allow(nameof(Service.TrainingServiceBase.ListEnrolments), MemberState, Coordinator, Auditor)
        .Allow(nameof(Service.TrainingServiceBase.CreateEvaluation), MemberState, Coordinator)
        .Allow(nameof(Service.TrainingServiceBase.ListEvaluations), Coordinator, Auditor)
        .Allow(nameof(Service.TrainingServiceBase.GetEvaluationSummary), MemberState, Coordinator, Donor, Auditor)
        .Allow(nameof(Service.TrainingServiceBase.CreateSeatHold), Coordinator, CallerRole.Service)
        .Allow(nameof(Service.TrainingServiceBase.GetSeatHold), MemberState, Coordinator, Auditor, CallerRole.Service)
        .Allow(nameof(Service.TrainingServiceBase.ListSeatHolds), MemberState, Coordinator, Auditor, CallerRole.Service)
        .Allow(nameof(Service.TrainingServiceBase.ConfirmSeatHold), CallerRole.Service)
        .Allow(nameof(Service.TrainingServiceBase.ReleaseSeatHold), Coordinator, CallerRole.Service)
        .Allow(nameof(Service.TrainingServiceBase.CreateExpert), Coordinator)
        .Allow(nameof(Service.TrainingServiceBase.UpdateExpert), Coordinator)
        .Allow(nameof(Service.TrainingServiceBase.GetExpert), MemberState, Coordinator, Auditor)
        .Allow(nameof(Service.TrainingServiceBase.ListExperts), Coordinator, Auditor)
        .Allow(nameof(Service.TrainingServiceBase.MatchExperts), Coordinator, Auditor)
        .Allow(nameof(Service.TrainingServiceBase.CreateDeliveryEvent), Coordinator)
        .Allow(nameof(Service.TrainingServiceBase.UpdateDeliveryEvent), Coordinator)
        .Allow(nameof(Service.TrainingServiceBase.ConfirmDeliveryEvent), Coordinator)
        .Allow(nameof(Service.TrainingServiceBase.CompleteDeliveryEvent), Coordinator)
        .Allow(nameof(Service.TrainingServiceBase.CancelDeliveryEvent), Coordinator)
        .Allow(nameof(Service.TrainingServiceBase.GetDeliveryEvent), MemberState, Coordinator, Auditor)
        .Allow(nameof(Service.TrainingServiceBase.ListDeliveryEvents), MemberState, Coordinator, Auditor)
        .Allow(nameof(Service.TrainingServiceBase.CreateDeliveryEventEvaluation), MemberState, Coordinator)
        .Allow(nameof(Service.TrainingServiceBase.ListDeliveryEventEvaluations), MemberState, Coordinator, Auditor)
        .Allow(nameof(Service.TrainingServiceBase.RecordEvaluationFollowUp), MemberState, Coordinator)
        .Allow(nameof(Service.TrainingServiceBase.GetDeliveryEvaluationSummary), MemberState, Coordinator, Auditor)
        .Build();
}

using CapacityBuilding.ServiceDefaults.Identity;
using static CapacityBuilding.ServiceDefaults.Identity.CallerRole;
using Service = CapacityBuilding.Contracts.Training.V1.TrainingService;

namespace CapacityBuilding.Training.Access;

/// <summary>
/// Who may call what on the training service: everyone reads the catalogue and its sessions,
/// coordinators keep them, member states enrol their own participants and evaluate what they attended.
/// Seats are held for a country by a coordinator or the assistance service (its offers, made with
/// the proposer's token), confirmed only by the assistance service (the requesting state accepted).
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
        .Build();
}

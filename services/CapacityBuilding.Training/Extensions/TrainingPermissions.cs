using CapacityBuilding.ServiceDefaults.Identity;
using static CapacityBuilding.ServiceDefaults.Identity.CallerRole;
using Service = CapacityBuilding.Contracts.Training.V1.TrainingService;

namespace CapacityBuilding.Training.Extensions;

/// <summary>Who may call what on the training service: everyone reads the catalogue, coordinators keep it.</summary>
public static class TrainingPermissions
{
    public static readonly MethodPermissions Table = MethodPermissions.For(Service.Descriptor)
        .Allow(nameof(Service.TrainingServiceBase.CreateCourse), Coordinator)
        .Allow(nameof(Service.TrainingServiceBase.GetCourse), MemberState, Coordinator, Donor, Auditor)
        .Allow(nameof(Service.TrainingServiceBase.ListCourses), MemberState, Coordinator, Donor, Auditor)
        .Allow(nameof(Service.TrainingServiceBase.BatchGetCourses), MemberState, Coordinator, Donor, Auditor)
        .Allow(nameof(Service.TrainingServiceBase.MatchCourses), MemberState, Coordinator, Auditor)
        .Build();
}

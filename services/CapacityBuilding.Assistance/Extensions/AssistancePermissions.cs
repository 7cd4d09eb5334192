using CapacityBuilding.ServiceDefaults.Identity;
using static CapacityBuilding.ServiceDefaults.Identity.CallerRole;
using Service = CapacityBuilding.Contracts.Assistance.V1.AssistanceService;

namespace CapacityBuilding.Assistance.Extensions;

/// <summary>
/// Who may call what on the assistance service. Member states act only on their own country's
/// requests and donors only see requests their money funds: the service checks that on the data.
/// </summary>
public static class AssistancePermissions
{
    public static readonly MethodPermissions Table = MethodPermissions.For(Service.Descriptor)
        .Allow(nameof(Service.AssistanceServiceBase.CreateAssistanceRequest), MemberState, Coordinator)
        .Allow(nameof(Service.AssistanceServiceBase.GetAssistanceRequest), MemberState, Coordinator, Donor, Auditor)
        .Allow(nameof(Service.AssistanceServiceBase.ListAssistanceRequests), MemberState, Coordinator, Donor, Auditor)
        .Build();
}

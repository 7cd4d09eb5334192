using CapacityBuilding.ServiceDefaults.Identity;
using static CapacityBuilding.ServiceDefaults.Identity.CallerRole;
using Service = CapacityBuilding.Contracts.Funding.V1.FundingService;

namespace CapacityBuilding.Funding.Extensions;

/// <summary>
/// Who may call what on the funding service. A donor acts only on its own donor record and
/// pledges: the service checks that on the data.
/// </summary>
public static class FundingPermissions
{
    public static readonly MethodPermissions Table = MethodPermissions.For(Service.Descriptor)
        .Allow(nameof(Service.FundingServiceBase.CreateDonor), Coordinator)
        .Allow(nameof(Service.FundingServiceBase.GetDonor), Coordinator, Donor, Auditor)
        .Allow(nameof(Service.FundingServiceBase.ListDonors), Coordinator, Donor, Auditor)
        .Allow(nameof(Service.FundingServiceBase.CreatePledge), Coordinator, Donor)
        .Allow(nameof(Service.FundingServiceBase.GetPledge), Coordinator, Donor, Auditor)
        .Allow(nameof(Service.FundingServiceBase.ListPledges), Coordinator, Donor, Auditor)
        .Build();
}

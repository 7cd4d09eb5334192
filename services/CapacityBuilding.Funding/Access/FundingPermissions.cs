using CapacityBuilding.ServiceDefaults.Identity;
using static CapacityBuilding.ServiceDefaults.Identity.CallerRole;
using Service = CapacityBuilding.Contracts.Funding.V1.FundingService;

namespace CapacityBuilding.Funding.Access;

/// <summary>
/// Who may call what on the funding service. Coordinators move money; donors read and pledge, but
/// only on their own donor record, pledges and allocations (checked on the data by
/// <see cref="DonorOwnership"/>); auditors read everything. Only the assistance service, as
/// itself, closes a request to funding before withdrawing it and reopens it when that fails, and
/// confirms (or releases) the money a funding offer holds when the requesting state answers it.
/// Donors propose money from their own pledges (CreateAllocation with pending_acceptance only).
/// </summary>
public static class FundingPermissions
{
    public static readonly MethodPermissions Table = MethodPermissions.For(Service.Descriptor)
        .Allow(nameof(Service.FundingServiceBase.CreateDonor), Coordinator)
        .Allow(nameof(Service.FundingServiceBase.GetDonor), Coordinator, Donor, Auditor)
        .Allow(nameof(Service.FundingServiceBase.ListDonors), Coordinator, Donor, Auditor)
        .Allow(nameof(Service.FundingServiceBase.CreatePledge), Coordinator, Donor)
        .Allow(nameof(Service.FundingServiceBase.GetPledge), Coordinator, Donor, Auditor, CallerRole.Service)
        .Allow(nameof(Service.FundingServiceBase.ListPledges), Coordinator, Donor, Auditor)
        .Allow(nameof(Service.FundingServiceBase.CommitPledge), Coordinator)
        .Allow(nameof(Service.FundingServiceBase.VerifyPledgeLedger), Coordinator, Auditor)
        .Allow(nameof(Service.FundingServiceBase.CancelPledge), Coordinator)
        .Allow(nameof(Service.FundingServiceBase.CreateAllocation), Coordinator, Donor, CallerRole.Service)
        .Allow(nameof(Service.FundingServiceBase.GetAllocation), Coordinator, Donor, Auditor)
        .Allow(nameof(Service.FundingServiceBase.ListAllocations), Coordinator, Donor, Auditor)
        .Allow(nameof(Service.FundingServiceBase.ReleaseAllocation), Coordinator, CallerRole.Service)
        .Allow(nameof(Service.FundingServiceBase.CreateDisbursement), Coordinator)
        .Allow(nameof(Service.FundingServiceBase.ListDisbursements), Coordinator, Donor, Auditor)
        .Allow(nameof(Service.FundingServiceBase.LoadExchangeRates), Coordinator)
        .Allow(nameof(Service.FundingServiceBase.ListExchangeRates), Coordinator, Donor, Auditor)
        .Allow(nameof(Service.FundingServiceBase.GetRequestFunding), Coordinator, Donor, Auditor, MemberState)
        .Allow(nameof(Service.FundingServiceBase.CloseRequestFunding), CallerRole.Service)
        .Allow(nameof(Service.FundingServiceBase.ReopenRequestFunding), CallerRole.Service)
        .Allow(nameof(Service.FundingServiceBase.GetFundingSummary), Coordinator, Donor, Auditor)
        .Allow(nameof(Service.FundingServiceBase.ExportIatiActivities), Coordinator, Donor, Auditor)
        .Allow(nameof(Service.FundingServiceBase.ExportPublicIatiActivities), CallerRole.Service)
        .Allow(nameof(Service.FundingServiceBase.ConfirmAllocation), CallerRole.Service)
        .Allow(nameof(Service.FundingServiceBase.CreateContribution), Coordinator)
        .Allow(nameof(Service.FundingServiceBase.ListContributions), Coordinator, Donor, Auditor)
        .Allow(nameof(Service.FundingServiceBase.ListOpenNeeds), Coordinator, Donor)
        .Allow(nameof(Service.FundingServiceBase.ListPublishedProjects), CallerRole.Service)
        .Allow(nameof(Service.FundingServiceBase.ListFundedRequests), Coordinator, Donor)
        .Allow(nameof(Service.FundingServiceBase.GetPublishedProject), CallerRole.Service)
        .Build();
}

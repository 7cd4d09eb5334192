using CapacityBuilding.ServiceDefaults.Resources;

namespace CapacityBuilding.Funding.Donors;

public static class FundingNames
{
    public static readonly ResourceName Donor = new("Donor", "donors/{donor}");

    public static readonly ResourceName Pledge = new("Pledge", "donors/{donor}/pledges/{pledge}");

    public static readonly ResourceName Allocation = new("Allocation", "allocations/{allocation}");

    public static readonly ResourceName Disbursement = new("Disbursement", "allocations/{allocation}/disbursements/{disbursement}");

    /// <summary>The assistance service's requests, which allocations refer to.</summary>
    public static readonly ResourceName AssistanceRequest = new("AssistanceRequest", "requests/{request}");
}

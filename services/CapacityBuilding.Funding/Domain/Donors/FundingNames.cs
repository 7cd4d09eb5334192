using CapacityBuilding.ServiceDefaults.Resources;

namespace CapacityBuilding.Funding.Domain.Donors;

public static class FundingNames
{
    public static readonly ResourceName<DonorName> Donor = new("Donor", "donors/{donor}", ids => new(ids[0]));

    public static readonly ResourceName<PledgeName> Pledge = new("Pledge", "donors/{donor}/pledges/{pledge}", ids => new(ids[0], ids[1]));

    public static readonly ResourceName<AllocationName> Allocation = new("Allocation", "allocations/{allocation}", ids => new(ids[0]));

    public static readonly ResourceName<DisbursementName> Disbursement = new("Disbursement", "allocations/{allocation}/disbursements/{disbursement}",
        ids => new(ids[0], ids[1]));

    public static readonly ResourceName<ContributionName> Contribution = new("Contribution", "donors/{donor}/pledges/{pledge}/contributions/{contribution}",
        ids => new(ids[0], ids[1], ids[2]));

    /// <summary>The assistance service's requests, which allocations refer to.</summary>
    public static readonly ResourceName<AssistanceRequestName> AssistanceRequest = new("AssistanceRequest", "requests/{request}", ids => new(ids[0]));
}

/// <summary><c>donors/{donor}</c></summary>
public sealed record DonorName(string DonorId);

/// <summary><c>donors/{donor}/pledges/{pledge}</c></summary>
public sealed record PledgeName(string DonorId, string PledgeId);

/// <summary><c>allocations/{allocation}</c></summary>
public sealed record AllocationName(string AllocationId);

/// <summary><c>allocations/{allocation}/disbursements/{disbursement}</c></summary>
public sealed record DisbursementName(string AllocationId, string DisbursementId);

/// <summary><c>donors/{donor}/pledges/{pledge}/contributions/{contribution}</c></summary>
public sealed record ContributionName(string DonorId, string PledgeId, string ContributionId);

/// <summary><c>requests/{request}</c>, of the assistance service.</summary>
public sealed record AssistanceRequestName(string RequestId);

using CapacityBuilding.ServiceDefaults.Resources;

namespace CapacityBuilding.Portal.Components.Pages.Funding;

/// <summary>A pledge's name with its parts, <c>donors/{donor}/pledges/{pledge}</c>.</summary>
public sealed record PledgeName(string DonorId, string PledgeId)
{
    public string Donor => FundingNames.Donors.Format(DonorId);
}

/// <summary>The funding service's resource name patterns the pages take apart or build.</summary>
public static class FundingNames
{
    public static readonly ResourceName<string> Donors = new("Donor", "donors/{donor}", ids => ids[0]);

    public static readonly ResourceName<PledgeName> Pledges = new("Pledge", "donors/{donor}/pledges/{pledge}", ids => new PledgeName(ids[0], ids[1]));

    public static readonly ResourceName<string> Allocations = new("Allocation", "allocations/{allocation}", ids => ids[0]);
}

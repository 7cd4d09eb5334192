using CapacityBuilding.ServiceDefaults.Resources;

namespace CapacityBuilding.Funding.Donors;

public static class FundingNames
{
    public static readonly ResourceName Donor = new("Donor", "donors/{donor}");

    public static readonly ResourceName Pledge = new("Pledge", "donors/{donor}/pledges/{pledge}");
}

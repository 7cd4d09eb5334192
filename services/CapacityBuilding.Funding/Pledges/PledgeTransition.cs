namespace CapacityBuilding.Funding.Pledges;

public enum PledgeTransition
{
    Commit,
    Cancel,
}

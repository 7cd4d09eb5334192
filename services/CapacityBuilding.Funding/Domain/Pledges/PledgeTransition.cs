namespace CapacityBuilding.Funding.Domain.Pledges;

public enum PledgeTransition
{
    Commit,
    Cancel,
}

using CapacityBuilding.Funding.Money;
using State = CapacityBuilding.Contracts.Funding.V1.Pledge.Types.State;

namespace CapacityBuilding.Funding.Pledges;

public enum PledgeTransition
{
    Commit,
    Cancel,
}

/// <summary>What a pledge state change did, as the script decided it atomically.</summary>
public abstract record PledgeTransitionResult
{
    public sealed record Done(PledgeLedger Ledger) : PledgeTransitionResult;

    public sealed record Missing : PledgeTransitionResult;

    public sealed record EtagMismatch : PledgeTransitionResult;

    public sealed record WrongState(State State) : PledgeTransitionResult;

    public sealed record StillAllocated(Amount Remaining) : PledgeTransitionResult;
}

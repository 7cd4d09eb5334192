using CapacityBuilding.Funding.Domain.Money;
using CapacityBuilding.Funding.Domain.Pledges;
using State = CapacityBuilding.Contracts.Funding.V1.Pledge.Types.State;

namespace CapacityBuilding.Funding.Repositories;

/// <summary>What a pledge state change did, as the script decided it atomically (the convention: <see cref="ServiceDefaults.Redis.ScriptReply"/>).</summary>
public abstract record PledgeTransitionOutcome
{
    private PledgeTransitionOutcome()
    {
    }

    public sealed record Done(PledgeLedger Ledger) : PledgeTransitionOutcome;

    public sealed record Missing : PledgeTransitionOutcome;

    public sealed record EtagMismatch : PledgeTransitionOutcome;

    public sealed record WrongState(State State) : PledgeTransitionOutcome;

    public sealed record StillAllocated(Amount Remaining) : PledgeTransitionOutcome;
}

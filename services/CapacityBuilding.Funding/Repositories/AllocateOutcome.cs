using CapacityBuilding.Funding.Domain.Allocations;
using CapacityBuilding.Funding.Domain.Money;
using PledgeState = CapacityBuilding.Contracts.Funding.V1.Pledge.Types.State;

namespace CapacityBuilding.Funding.Repositories;

/// <summary>What the allocation script decided, atomically with the pledge's balance (the convention: <see cref="ServiceDefaults.Redis.ScriptReply"/>).</summary>
public abstract record AllocateOutcome
{
    private AllocateOutcome()
    {
    }

    /// <summary>Allocated; <paramref name="Remaining"/> is the pledge's balance right after.</summary>
    public sealed record Created(AllocationRecord Allocation, Amount Remaining) : AllocateOutcome;

    /// <summary>An earlier call with the same request id allocated this; nothing changed.</summary>
    public sealed record AlreadyCreated(string AllocationId) : AllocateOutcome;

    public sealed record PledgeMissing : AllocateOutcome;

    public sealed record PledgeCancelled : AllocateOutcome;

    /// <summary>The pledge is only PLEDGED: an intention, from which nothing can be allocated or proposed.</summary>
    public sealed record PledgeNotCommitted(PledgeState State) : AllocateOutcome;

    /// <summary>The request is closed to funding: it is being, or has been, withdrawn.</summary>
    public sealed record RequestClosed : AllocateOutcome;

    public sealed record InsufficientBalance(Amount Remaining) : AllocateOutcome;
}

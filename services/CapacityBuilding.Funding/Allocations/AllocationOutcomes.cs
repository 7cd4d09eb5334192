using CapacityBuilding.Funding.Money;
using State = CapacityBuilding.Contracts.Funding.V1.Allocation.Types.State;

namespace CapacityBuilding.Funding.Allocations;

/// <summary>What the allocation script decided, atomically with the pledge's balance.</summary>
public abstract record AllocateResult
{
    /// <summary>Allocated; <paramref name="Remaining"/> is the pledge's balance right after.</summary>
    public sealed record Created(AllocationRecord Allocation, Amount Remaining) : AllocateResult;

    /// <summary>An earlier call with the same request id allocated this; nothing changed.</summary>
    public sealed record AlreadyCreated(string AllocationId) : AllocateResult;

    public sealed record PledgeMissing : AllocateResult;

    public sealed record PledgeCancelled : AllocateResult;

    public sealed record InsufficientBalance(Amount Remaining) : AllocateResult;
}

/// <summary>What the release script decided.</summary>
public abstract record ReleaseResult
{
    public sealed record Released(AllocationLedger Ledger) : ReleaseResult;

    public sealed record Missing : ReleaseResult;

    public sealed record EtagMismatch : ReleaseResult;

    public sealed record WrongState(State State) : ReleaseResult;

    public sealed record HasDisbursements(Amount Disbursed) : ReleaseResult;
}

/// <summary>What the disbursement script decided.</summary>
public abstract record DisburseResult
{
    public sealed record Created(Amount Undisbursed) : DisburseResult;

    public sealed record AlreadyCreated(string DisbursementId) : DisburseResult;

    public sealed record AllocationMissing : DisburseResult;

    public sealed record WrongState(State State) : DisburseResult;

    public sealed record ExceedsAllocation(Amount Undisbursed) : DisburseResult;
}

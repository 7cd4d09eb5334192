using CapacityBuilding.Funding.Domain.Money;
using State = CapacityBuilding.Contracts.Funding.V1.Allocation.Types.State;

namespace CapacityBuilding.Funding.Repositories;

/// <summary>What the disbursement script decided (the convention: <see cref="ServiceDefaults.Redis.ScriptReply"/>).</summary>
public abstract record DisburseOutcome
{
    private DisburseOutcome()
    {
    }

    public sealed record Created(Amount Undisbursed) : DisburseOutcome;

    public sealed record AlreadyCreated(string DisbursementId) : DisburseOutcome;

    public sealed record AllocationMissing : DisburseOutcome;

    public sealed record WrongState(State State) : DisburseOutcome;

    public sealed record ExceedsAllocation(Amount Undisbursed) : DisburseOutcome;
}

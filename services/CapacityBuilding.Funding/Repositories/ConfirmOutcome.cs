using CapacityBuilding.Funding.Domain.Allocations;
using State = CapacityBuilding.Contracts.Funding.V1.Allocation.Types.State;

namespace CapacityBuilding.Funding.Repositories;

/// <summary>What the confirm script decided (the convention: <see cref="ServiceDefaults.Redis.ScriptReply"/>).</summary>
public abstract record ConfirmOutcome
{
    private ConfirmOutcome()
    {
    }

    /// <summary>ACTIVE now, whether this call or an earlier one confirmed it.</summary>
    public sealed record Confirmed(AllocationLedger Ledger) : ConfirmOutcome;

    public sealed record Missing : ConfirmOutcome;

    public sealed record WrongState(State State) : ConfirmOutcome;

    /// <summary>The request is closed to funding: it is being, or has been, withdrawn.</summary>
    public sealed record RequestClosed : ConfirmOutcome;
}

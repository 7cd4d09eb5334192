using CapacityBuilding.Funding.Domain.Allocations;
using CapacityBuilding.Funding.Domain.Money;
using State = CapacityBuilding.Contracts.Funding.V1.Allocation.Types.State;

namespace CapacityBuilding.Funding.Repositories;

/// <summary>What the release script decided (the convention: <see cref="ServiceDefaults.Redis.ScriptReply"/>).</summary>
public abstract record ReleaseOutcome
{
    private ReleaseOutcome()
    {
    }

    public sealed record Released(AllocationLedger Ledger) : ReleaseOutcome;

    public sealed record Missing : ReleaseOutcome;

    public sealed record EtagMismatch : ReleaseOutcome;

    public sealed record WrongState(State State) : ReleaseOutcome;

    public sealed record HasDisbursements(Amount Disbursed) : ReleaseOutcome;
}

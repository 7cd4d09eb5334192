using CapacityBuilding.Funding.Domain.Money;
using PledgeState = CapacityBuilding.Contracts.Funding.V1.Pledge.Types.State;

namespace CapacityBuilding.Funding.Repositories;

/// <summary>What the contribution script decided, atomically with the pledge's paid total (the convention: <see cref="ServiceDefaults.Redis.ScriptReply"/>).</summary>
public abstract record ContributeOutcome
{
    private ContributeOutcome()
    {
    }

    public sealed record Created : ContributeOutcome;

    /// <summary>An earlier call with the same request id recorded this; nothing changed.</summary>
    public sealed record AlreadyCreated(string ContributionId) : ContributeOutcome;

    public sealed record PledgeMissing : ContributeOutcome;

    /// <summary>Only a COMMITTED pledge is paid against.</summary>
    public sealed record PledgeNotCommitted(PledgeState State) : ContributeOutcome;

    /// <summary>The pledge's contributions would add up to more than its amount; <paramref name="Unpaid"/> is what is left to pay.</summary>
    public sealed record ExceedsPledge(Amount Unpaid) : ContributeOutcome;
}

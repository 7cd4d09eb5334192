namespace CapacityBuilding.Funding.Domain.Ledger;

/// <summary>What a pledge's ledger entry records.</summary>
public enum LedgerEvent
{
    /// <summary>The pledge was made, for its amount.</summary>
    PledgeCreate,

    /// <summary>The donor committed the pledge.</summary>
    PledgeCommit,

    /// <summary>The pledge was cancelled (nothing was allocated).</summary>
    PledgeCancel,

    /// <summary>Part of the pledge was allocated to a request (subject: the allocation).</summary>
    Allocate,

    /// <summary>An undisbursed allocation went back to the pledge (subject: the allocation).</summary>
    Release,

    /// <summary>Part of an allocation was paid out (subject: the disbursement).</summary>
    Disburse,

    /// <summary>Part of the pledge was proposed to a request, held until accepted (subject: the allocation).</summary>
    Propose,

    /// <summary>The requesting state accepted a proposal: its held money is allocated (subject: the allocation).</summary>
    Confirm,

    /// <summary>Money was paid in against the pledge (subject: the contribution).</summary>
    Contribute,
}

using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.Funding.Domain.Allocations;
using CapacityBuilding.Funding.Domain.Disbursements;
using CapacityBuilding.Funding.Domain.Donors;
using AllocationState = CapacityBuilding.Contracts.Funding.V1.Allocation.Types.State;

namespace CapacityBuilding.Funding.Domain.Iati;

/// <summary>What one IATI activity is made of: the request, the money committed to it and paid out, and who gave it.</summary>
public sealed record FundedActivity(
    AssistanceRequest Request,
    IReadOnlyList<AllocationRecord> Allocations,
    IReadOnlyList<StoredDisbursement> Disbursements,
    IReadOnlyDictionary<string, StoredDonor> Donors)
{
    /// <summary>The request's outcomes, oldest first: its IATI results (read for the activity file only).</summary>
    public IReadOnlyList<Outcome> Outcomes { get; init; } = [];

    /// <summary>Money received on the pledges that fund it: its incoming funds (read for the activity file only).</summary>
    public PledgeReceipts Receipts { get; init; } = PledgeReceipts.None;

    /// <summary>Whether the requesting state withholds this optional part from public outputs.</summary>
    public bool Withholds(WithheldField field) => Request.PublicationConsent?.WithheldFields.Contains(field) == true;

    /// <summary>Money committed to the request and not yet paid out: an active allocation with an undisbursed rest.</summary>
    public bool MoneyOutstanding => Allocations.Any(allocation => allocation.Ledger.State == AllocationState.Active && !allocation.Ledger.Undisbursed.IsZero);

    /// <summary>
    /// When anything the activity reports last changed: the request (its outcomes and delivery
    /// steps change it too), an allocation made or released, a disbursement recorded, money
    /// received on a pledge that funds it; never later than <paramref name="now"/> (IATI rule 11.1.1).
    /// </summary>
    public DateTimeOffset LastChanged(DateTimeOffset now)
    {
        var times = new List<DateTimeOffset>();
        if (Request.UpdateTime is { } updated)
        {
            times.Add(updated.ToDateTimeOffset());
        }

        times.AddRange(Allocations.Select(allocation => allocation.Allocation.CreateTime));
        times.AddRange(Allocations.Select(allocation => allocation.Ledger.ReleaseTime).OfType<DateTimeOffset>());
        times.AddRange(Disbursements.Select(disbursement => disbursement.CreateTime));
        times.AddRange(Receipts.SharesOf(this).Select(received => received.Contribution.CreateTime));
        var last = times.Count == 0 ? now : times.Max();
        return last > now ? now : last;
    }
}

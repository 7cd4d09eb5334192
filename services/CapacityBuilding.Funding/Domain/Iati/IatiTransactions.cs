using CapacityBuilding.Funding.Domain.Money;
using AllocationState = CapacityBuilding.Contracts.Funding.V1.Allocation.Types.State;

namespace CapacityBuilding.Funding.Domain.Iati;

/// <summary>
/// The money of an activity as IATI transactions, from the reporting organisation's side (IATI
/// TransactionType): money coming in from donors, money going out to deliver the activity.
/// <list type="bullet">
/// <item>An allocation is a donor's committed money set aside for the request: an incoming
/// commitment (11), provided by the donor, received by the reporting organisation. A released
/// allocation stays committed for the part that was paid out before its release.</item>
/// <item>A disbursement is money the reporting organisation paid out for the activity (what it was
/// paid for is its description; no payee is recorded): an expenditure (4), provided by the
/// reporting organisation, with no receiver.</item>
/// <item>Money received from a donor on a pledge that funds the activity (a contribution) is
/// incoming funds (1), provided by the donor, received by the reporting organisation, for the
/// activity's share of it (<see cref="PledgeReceipts"/>), on the day it was received.</item>
/// </list>
/// A transaction is something that happened: one dated after <c>today</c> is left out
/// (IATI rules 11.2.1 and 11.2.2; new disbursements cannot be dated in the future).
/// </summary>
public static class IatiTransactions
{
    public static IReadOnlyList<IatiTransaction> Of(FundedActivity activity, IatiOrganisation reporting, DateOnly today)
    {
        var incomingCommitments = activity.Allocations
            .Select(allocation => (allocation, Value: allocation.Ledger.State == AllocationState.Active ? allocation.Ledger.Amount : allocation.Ledger.Disbursed))
            .Where(committed => !committed.Value.IsZero)
            .Select(committed => new IatiTransaction(
                IatiCodes.TransactionIncomingCommitment, committed.allocation.Allocation.AllocationDate, committed.allocation.Allocation.CurrencyCode,
                committed.Value, DonorOf(activity, committed.allocation.Allocation.DonorId), reporting));
        var expenditures = activity.Disbursements.Select(disbursement => new IatiTransaction(
            IatiCodes.TransactionExpenditure, disbursement.DisbursementDate, disbursement.CurrencyCode, new Amount(disbursement.Units, disbursement.Nanos), reporting, null));
        var incomingFunds = activity.Receipts.SharesOf(activity).Select(received => new IatiTransaction(
            IatiCodes.TransactionIncomingFunds, received.Contribution.ReceivedDate, received.Contribution.CurrencyCode, received.Share,
            DonorOf(activity, received.Contribution.DonorId), reporting));
        return [.. incomingCommitments.Concat(incomingFunds).Concat(expenditures)
            .Where(transaction => transaction.Day <= today)
            .OrderBy(transaction => transaction.Day)
            .ThenBy(transaction => transaction.Type, StringComparer.Ordinal)];
    }

    /// <summary>A donor as an organisation; one whose record is gone is named by its id, so the money still has a provider (IATI rule 6.9.1).</summary>
    private static IatiOrganisation DonorOf(FundedActivity activity, string donorId) =>
        activity.Donors.GetValueOrDefault(donorId) is { } donor
            ? new IatiOrganisation(donor.IatiIdentifier, IatiCodes.OrganisationType(donor.Kind), donor.DisplayName)
            : new IatiOrganisation("", IatiCodes.OrganisationType(default), $"donors/{donorId}");
}

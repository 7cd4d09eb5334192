using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.Contracts.Common.V1;
using CapacityBuilding.Contracts.Funding.V1;

namespace CapacityBuilding.Portal.Components.Pages.Audit;

/// <summary>
/// What a service answered when asked to verify a hash chain (a request's history or a pledge's
/// ledger): the two verify rpcs answer the same fields in two message types, shown by one view.
/// </summary>
public sealed record ChainVerdict(bool Intact, long CheckedEntries, long FirstBrokenSequence, string Problem, ChainCheckpoint? Checkpoint)
{
    public static ChainVerdict From(VerifyAssistanceRequestHistoryResponse response) =>
        new(response.Intact, response.CheckedEntries, response.FirstBrokenSequence, response.Problem, response.Checkpoint);

    public static ChainVerdict From(VerifyPledgeLedgerResponse response) =>
        new(response.Intact, response.CheckedEntries, response.FirstBrokenSequence, response.Problem, response.Checkpoint);
}

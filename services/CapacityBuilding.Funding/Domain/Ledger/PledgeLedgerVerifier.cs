using CapacityBuilding.Contracts.Funding.V1;
using CapacityBuilding.Funding.Domain.Donors;
using CapacityBuilding.Funding.Repositories;
using CapacityBuilding.ServiceDefaults.Audit;
using CapacityBuilding.ServiceDefaults.Errors;

namespace CapacityBuilding.Funding.Domain.Ledger;

/// <summary>
/// VerifyPledgeLedger: recomputes a pledge's ledger chain and replays it against the stored pledge
/// (<see cref="LedgerChain"/>), checks it still extends an earlier signed checkpoint when one is
/// given, and signs a checkpoint of what it verified.
/// </summary>
public sealed class PledgeLedgerVerifier(RedisPledgeRepository pledges, PledgeLedgerChain chain, ChainCheckpoints checkpoints, ApiErrors errors)
{
    public async Task<VerifyPledgeLedgerResponse> VerifyAsync(VerifyPledgeLedgerRequest request)
    {
        var name = FundingNames.Pledge.Parse(request.Name, "name", errors);
        var pledge = await pledges.GetAsync(name.DonorId, name.PledgeId) ?? throw errors.NotFound(FundingNames.Pledge.ResourceType, request.Name);
        if (request.Checkpoint is { } earlier)
        {
            checkpoints.EnsureGenuine(earlier, request.Name, "checkpoint", errors);
        }

        var entries = await chain.EntriesAsync(name.PledgeId);
        var broken = LedgerChain.FirstBrokenLink(entries, request.Name, pledge.Ledger)
            ?? (request.Checkpoint is { } checkpoint ? CheckpointExtension.DepartureFrom([.. entries.Select(entry => entry?.Hash)], checkpoint, LedgerChain.Genesis) : null);
        return new VerifyPledgeLedgerResponse
        {
            Intact = broken is null,
            CheckedEntries = entries.Count,
            FirstBrokenSequence = broken?.Sequence ?? 0,
            Problem = broken?.Problem ?? "",
            Checkpoint = broken is null ? checkpoints.Sign(request.Name, pledge.Ledger.ChainLength, pledge.Ledger.ChainHead) : null,
        };
    }
}

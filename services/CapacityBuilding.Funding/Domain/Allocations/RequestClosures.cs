using CapacityBuilding.Funding.Domain.Donors;
using CapacityBuilding.Funding.Repositories;
using CapacityBuilding.ServiceDefaults.Errors;

namespace CapacityBuilding.Funding.Domain.Allocations;

/// <summary>
/// Closes a request to funding before assistance withdraws it, and takes the closure back when the
/// withdrawal fails. Funding cannot see the request's state in the step that allocates (it is in
/// assistance's keyspace), so the closure is what that step sees: closing is refused while an ACTIVE
/// allocation holds money not yet paid out (money paid out in full is spent, and stays reported),
/// and allocating is refused while the request is closed, each checked and written in one
/// script (<see cref="RedisAllocationRepository"/>), so a withdrawal and an allocation never both succeed.
/// A closure is named by its withdrawal, so one that fails takes back only its own.
/// </summary>
public sealed class RequestClosures(RedisAllocationRepository allocations, ApiErrors errors)
{
    public async Task CloseAsync(string assistanceRequest, string closureId)
    {
        var requestId = FundingNames.AssistanceRequest.Parse(assistanceRequest, "assistance_request", errors).RequestId;
        if (await allocations.CloseRequestAsync(requestId, closureId) is CloseRequestOutcome.MoneyAllocated allocated)
        {
            throw errors.FailedPrecondition(ErrorReasons.RequestHasActiveAllocations,
                $"{assistanceRequest} has {allocated.Count} active allocation(s) with money not yet paid out; release them before withdrawing the request.",
                new Dictionary<string, string> { ["active_allocations"] = allocated.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        }
    }

    public async Task ReopenAsync(string assistanceRequest, string closureId)
    {
        var requestId = FundingNames.AssistanceRequest.Parse(assistanceRequest, "assistance_request", errors).RequestId;
        await allocations.ReopenRequestAsync(requestId, closureId);
    }
}

using CapacityBuilding.Assistance.Access;
using CapacityBuilding.Assistance.Domain.Requests;
using CapacityBuilding.Contracts.Funding.V1;
using CapacityBuilding.ServiceDefaults.Errors;
using CapacityBuilding.ServiceDefaults.Identity;
using CapacityBuilding.ServiceDefaults.Invocation;
using FundingClient = CapacityBuilding.Contracts.Funding.V1.FundingService.FundingServiceClient;

namespace CapacityBuilding.Assistance.Clients;

/// <summary>
/// Which requests a donor's money funds, as the funding service knows it: those with at least one
/// ACTIVE allocation from the donor's pledges (a released allocation gave its money back, so it no
/// longer funds the request). Asked with the caller's own token, so funding itself limits the
/// answer to the calling donor's allocations.
/// </summary>
public sealed class DonorFunding(ServiceClientFactory<FundingClient> funding, ApiErrors errors)
{
    private const int PageSize = 500;

    /// <summary>
    /// NOT_FOUND, as for another country's request, when a donor asks for a request its money
    /// does not fund, so that ids cannot be probed. Other callers pass: <see cref="RequestAccess"/>
    /// has checked them.
    /// </summary>
    public async Task EnsureVisibleAsync(Caller caller, string requestName, CancellationToken cancellationToken)
    {
        if (caller.Role == CallerRole.Donor && !await FundsAsync(caller.DonorId!, requestName, cancellationToken))
        {
            throw errors.NotFound(AssistanceRequestNames.Request.ResourceType, requestName);
        }
    }

    /// <summary>Whether <paramref name="donorId"/> funds the request <paramref name="requestName"/>.</summary>
    public async Task<bool> FundsAsync(string donorId, string requestName, CancellationToken cancellationToken)
    {
        var listing = new ListAllocationsRequest { AssistanceRequest = requestName, Donor = AssistanceRequestNames.Donor.Format(donorId), PageSize = PageSize };
        await foreach (var allocation in AllocationsAsync(listing, cancellationToken))
        {
            if (allocation.State == Allocation.Types.State.Active)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// One page of the ids of the requests <paramref name="donorId"/> funds, newest first, and the
    /// token of the next (empty on the last): funding reads them from its index, one range read.
    /// </summary>
    public async Task<(IReadOnlyList<string> Ids, string NextPageToken)> FundedRequestIdsAsync(
        string donorId, int pageSize, string pageToken, CancellationToken cancellationToken)
    {
        var listing = new ListFundedRequestsRequest { Parent = AssistanceRequestNames.Donor.Format(donorId), PageSize = pageSize, PageToken = pageToken };
        var page = await funding.Create().ListFundedRequestsAsync(listing, cancellationToken: cancellationToken);
        var ids = page.AssistanceRequests.Select(name => AssistanceRequestNames.Request.TryParse(name)?.RequestId).OfType<string>();
        return ([.. ids], page.NextPageToken);
    }

    private async IAsyncEnumerable<Allocation> AllocationsAsync(
        ListAllocationsRequest listing, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var client = funding.Create();
        do
        {
            var page = await client.ListAllocationsAsync(listing, cancellationToken: cancellationToken);
            foreach (var allocation in page.Allocations)
            {
                yield return allocation;
            }

            listing.PageToken = page.NextPageToken;
        }
        while (listing.PageToken.Length > 0);
    }
}

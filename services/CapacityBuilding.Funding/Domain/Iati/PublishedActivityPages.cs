using CapacityBuilding.Funding.Access;
using CapacityBuilding.Funding.Clients;
using CapacityBuilding.Funding.Domain.Allocations;
using CapacityBuilding.Funding.Domain.Donors;
using CapacityBuilding.Funding.Repositories;
using CapacityBuilding.ServiceDefaults.Identity;
using AllocationState = CapacityBuilding.Contracts.Funding.V1.Allocation.Types.State;

namespace CapacityBuilding.Funding.Domain.Iati;

/// <summary>
/// One page of published activities: those whose requesting state consented, how many funded
/// requests were withheld, the last allocation the page walked when more follow, and when
/// anything the page walked last changed, withheld requests included (so that a withdrawn
/// consent changes it; null when the page walked none).
/// </summary>
public sealed record PublishedPage(IReadOnlyList<FundedActivity> Activities, int WithheldCount, string? LastAllocationId, DateTimeOffset? LastModified);

/// <summary>
/// Pages of funded requests (one with an active allocation or a disbursement) for everything that
/// publishes them: the IATI file and the public registry. A page takes the requests whose oldest
/// allocation is among the next <c>pageSize</c> allocations after the last one (newest first), so
/// that every request is on exactly one page and a page holds at most <c>pageSize</c> of them
/// whatever the programme's size; only that page's requests and allocations are ever in memory.
/// A donor sees the requests it funds only (<see cref="DonorRequestAccess"/>) and in them its own
/// money only (<see cref="DonorOwnership"/>). A request is published only when its requesting
/// state consented (<c>publication_consent.publish</c>) and no coordinator marked it
/// security-sensitive (whatever was consented before); the others are only counted.
/// </summary>
public sealed class PublishedActivityPages(
    RedisAllocationRepository allocations,
    RedisDonorRepository donors,
    AssistanceRequests assistanceRequests,
    DonorRequestAccess requestAccess,
    TimeProvider clock)
{
    public async Task<PublishedPage> PageAsync(Caller caller, int pageSize, string? afterAllocationId, CancellationToken cancellationToken)
    {
        var visible = await requestAccess.VisibleToAsync(caller);
        var (window, lastAllocationId) = await allocations.ListAsync(null, null, pageSize, afterAllocationId);
        var windowIds = window.Select(allocation => allocation.Allocation.Id).ToHashSet(StringComparer.Ordinal);
        var candidates = window.Select(allocation => allocation.Allocation.RequestId)
            .Where(requestId => visible?.Contains(requestId) != false)
            .Distinct(StringComparer.Ordinal).ToList();
        var oldest = await allocations.OldestAllocationOfAsync(candidates);
        var byRequest = new Dictionary<string, List<AllocationRecord>>(StringComparer.Ordinal);
        foreach (var requestId in candidates.Where(requestId => oldest[requestId] is { } first && windowIds.Contains(first)))
        {
            await foreach (var allocation in allocations.AllAsync(requestId))
            {
                if ((allocation.Ledger.State == AllocationState.Active || !allocation.Ledger.Disbursed.IsZero)
                    && DonorOwnership.Owns(caller, allocation.Allocation.DonorId))
                {
                    (byRequest.TryGetValue(requestId, out var list) ? list : byRequest[requestId] = []).Add(allocation);
                }
            }
        }

        var funded = await assistanceRequests.GetManyAsync(byRequest.Keys.Order(StringComparer.Ordinal).Select(id => FundingNames.AssistanceRequest.Format(id)), cancellationToken);
        var requests = funded.Where(request => request.PublicationConsent?.Publish == true && !request.SecuritySensitive).ToList();
        var lastModified = funded.Select(request => request.UpdateTime?.ToDateTimeOffset()).Max();
        if (requests.Count == 0)
        {
            return new PublishedPage([], funded.Count, lastAllocationId, lastModified);
        }

        var published = requests.Select(RequestFacts.IdOf).SelectMany(id => byRequest[id]).ToList();
        var donorsById = await donors.GetManyAsync(published.Select(allocation => allocation.Allocation.DonorId));
        var requestOfAllocation = published.ToDictionary(allocation => allocation.Allocation.Id, allocation => allocation.Allocation.RequestId, StringComparer.Ordinal);
        var disbursementsByRequest = (await allocations.AllDisbursementsAsync(requestOfAllocation.Keys))
            .ToLookup(disbursement => requestOfAllocation[disbursement.AllocationId], StringComparer.Ordinal);
        cancellationToken.ThrowIfCancellationRequested();

        var now = clock.GetUtcNow();
        var activities = requests
            .Select(request => new FundedActivity(request, byRequest[RequestFacts.IdOf(request)], [.. disbursementsByRequest[RequestFacts.IdOf(request)]], donorsById))
            .ToList();
        var activitiesChanged = activities.Max(activity => activity.LastChanged(now));
        return new PublishedPage(activities, funded.Count - requests.Count, lastAllocationId, lastModified is { } known && known > activitiesChanged ? known : activitiesChanged);
    }
}

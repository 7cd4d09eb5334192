using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.Funding.Access;
using CapacityBuilding.Funding.Clients;
using CapacityBuilding.Funding.Domain.Allocations;
using CapacityBuilding.Funding.Domain.Donors;
using CapacityBuilding.Funding.Repositories;
using CapacityBuilding.ServiceDefaults.Identity;
using AllocationState = CapacityBuilding.Contracts.Funding.V1.Allocation.Types.State;

namespace CapacityBuilding.Funding.Domain.Iati;

/// <summary>
/// One page of published activities: those whose requesting state consented, in the order the page
/// walked them (by where their oldest allocation is in the walk), how many funded requests were
/// withheld, the last allocation the page walked when more follow, and when anything the page
/// walked last changed, withheld requests included (so that a withdrawn consent changes it; null
/// when the page walked none).
/// </summary>
public sealed record PublishedPage(IReadOnlyList<FundedActivity> Activities, int WithheldCount, string? LastAllocationId, DateTimeOffset? LastModified)
{
    /// <summary>The allocations the page walked, in walk order.</summary>
    public IReadOnlyList<string> WalkedAllocationIds { get; init; } = [];

    /// <summary>Where in <see cref="WalkedAllocationIds"/> each activity's oldest allocation is (ascending, one per activity).</summary>
    public IReadOnlyList<int> ActivityPositions { get; init; } = [];

    /// <summary>Where in <see cref="WalkedAllocationIds"/> each withheld request's oldest allocation is.</summary>
    public IReadOnlyList<int> WithheldPositions { get; init; } = [];

    /// <summary>
    /// The page ended before its activity number <paramref name="count"/> (at least 1): the walk
    /// stops just before that activity's oldest allocation, so the next page, which resumes after
    /// the allocation returned as <see cref="LastAllocationId"/>, starts with that activity and
    /// every request walked after it; the requests withheld before that point stay counted here.
    /// <see cref="LastModified"/> stays that of the whole walk: later, never wrong for a validator.
    /// </summary>
    public PublishedPage EndingBefore(int count)
    {
        var end = ActivityPositions[count];
        return this with
        {
            Activities = [.. Activities.Take(count)],
            ActivityPositions = [.. ActivityPositions.Take(count)],
            WithheldCount = WithheldPositions.Count(position => position < end),
            WithheldPositions = [.. WithheldPositions.Where(position => position < end)],
            LastAllocationId = WalkedAllocationIds[end - 1],
            WalkedAllocationIds = [.. WalkedAllocationIds.Take(end)],
        };
    }
}

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
        var walked = window.Select(allocation => allocation.Allocation.Id).ToList();
        var positions = walked.Select((id, position) => (id, position)).ToDictionary(pair => pair.id, pair => pair.position, StringComparer.Ordinal);
        var candidates = window.Select(allocation => allocation.Allocation.RequestId)
            .Where(requestId => visible?.Contains(requestId) != false)
            .Distinct(StringComparer.Ordinal).ToList();
        var oldest = await allocations.OldestAllocationOfAsync(candidates);
        var byRequest = new Dictionary<string, List<AllocationRecord>>(StringComparer.Ordinal);
        foreach (var requestId in candidates.Where(requestId => oldest[requestId] is { } first && positions.ContainsKey(first)))
        {
            if (await FundingOfAsync(caller, requestId) is { Count: > 0 } funding)
            {
                byRequest[requestId] = funding;
            }
        }

        // In walk order, so that a page cut short (IatiActivitiesExport) can resume where it stopped.
        int PositionOf(AssistanceRequest request) => positions[oldest[RequestFacts.IdOf(request)]!];
        var funded = (await assistanceRequests.GetManyAsync(byRequest.Keys.Select(id => FundingNames.AssistanceRequest.Format(id)), cancellationToken))
            .OrderBy(PositionOf).ToList();
        var requests = funded.Where(Publishable).ToList();
        var lastModified = funded.Select(request => request.UpdateTime?.ToDateTimeOffset()).Max();
        var walk = new PublishedPage([], funded.Count - requests.Count, lastAllocationId, lastModified)
        {
            WalkedAllocationIds = walked,
            ActivityPositions = [.. requests.Select(PositionOf)],
            WithheldPositions = [.. funded.Where(request => !Publishable(request)).Select(PositionOf)],
        };
        if (requests.Count == 0)
        {
            return walk;
        }

        var activities = await ActivitiesAsync(requests, byRequest, cancellationToken);
        var activitiesChanged = activities.Max(activity => activity.LastChanged(clock.GetUtcNow()));
        return walk with { Activities = activities, LastModified = lastModified is { } known && known > activitiesChanged ? known : activitiesChanged };
    }

    /// <summary>
    /// One funded request's activity, read for it alone (the registry's project page): null when
    /// the caller may not see it, it has no money the caller may see, or it is not publishable,
    /// so that an unpublished request and an unknown one are the same answer.
    /// </summary>
    public async Task<FundedActivity?> ActivityAsync(Caller caller, string requestId, CancellationToken cancellationToken)
    {
        if ((await requestAccess.VisibleToAsync(caller))?.Contains(requestId) == false
            || await FundingOfAsync(caller, requestId) is not { Count: > 0 } funding)
        {
            return null;
        }

        var request = (await assistanceRequests.GetManyAsync([FundingNames.AssistanceRequest.Format(requestId)], cancellationToken)).SingleOrDefault();
        return request is not null && Publishable(request)
            ? (await ActivitiesAsync([request], new Dictionary<string, List<AllocationRecord>> { [requestId] = funding }, cancellationToken)).Single()
            : null;
    }

    /// <summary>The request's allocations that put money in it (active, or released after paying out) and are the caller's to see.</summary>
    private async Task<List<AllocationRecord>> FundingOfAsync(Caller caller, string requestId)
    {
        var funding = new List<AllocationRecord>();
        await foreach (var allocation in allocations.AllAsync(requestId))
        {
            if ((allocation.Ledger.State == AllocationState.Active || !allocation.Ledger.Disbursed.IsZero)
                && DonorOwnership.Owns(caller, allocation.Allocation.DonorId))
            {
                funding.Add(allocation);
            }
        }

        return funding;
    }

    /// <summary>The published requests as activities: their donors and disbursements read once for all of them.</summary>
    private async Task<List<FundedActivity>> ActivitiesAsync(
        IReadOnlyList<AssistanceRequest> requests, Dictionary<string, List<AllocationRecord>> byRequest, CancellationToken cancellationToken)
    {
        var published = requests.Select(RequestFacts.IdOf).SelectMany(id => byRequest[id]).ToList();
        var donorsById = await donors.GetManyAsync(published.Select(allocation => allocation.Allocation.DonorId));
        var requestOfAllocation = published.ToDictionary(allocation => allocation.Allocation.Id, allocation => allocation.Allocation.RequestId, StringComparer.Ordinal);
        var disbursementsByRequest = (await allocations.AllDisbursementsAsync(requestOfAllocation.Keys))
            .ToLookup(disbursement => requestOfAllocation[disbursement.AllocationId], StringComparer.Ordinal);
        cancellationToken.ThrowIfCancellationRequested();
        return [.. requests.Select(request => new FundedActivity(request, byRequest[RequestFacts.IdOf(request)], [.. disbursementsByRequest[RequestFacts.IdOf(request)]], donorsById))];
    }

    private static bool Publishable(AssistanceRequest request) => request.PublicationConsent?.Publish == true && !request.SecuritySensitive;
}

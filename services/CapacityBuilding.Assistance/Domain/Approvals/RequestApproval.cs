using CapacityBuilding.Assistance.Clients;
using CapacityBuilding.Assistance.Domain.Requests;
using CapacityBuilding.Assistance.Repositories;
using CapacityBuilding.ServiceDefaults.Errors;
using CapacityBuilding.ServiceDefaults.Identity;
using Action = CapacityBuilding.Contracts.Assistance.V1.HistoryEntry.Types.Action;
using State = CapacityBuilding.Contracts.Assistance.V1.AssistanceRequest.Types.State;

namespace CapacityBuilding.Assistance.Domain.Approvals;

/// <summary>
/// Approves a request under review, with the budget the coordinator approves, unless it overlaps
/// approved or in-delivery requests of the same state (<see cref="OverlapFinder"/>): then only with
/// the coordinator's confirmation, which the approval's history entry records with the requests it
/// overlaps. The overlaps are read before the approval is written, so two overlapping requests
/// approved at the same instant can both pass; the check is a safeguard for the coordinator, not a lock.
/// </summary>
public sealed class RequestApproval(
    RedisAssistanceRequestRepository requests, RequestChanges changes, OverlapFinder overlaps, CourseMatcher courseMatcher, ApiErrors errors)
{
    /// <summary>The metadata key of REQUEST_OVERLAPS that lists the first <see cref="NamedOverlaps"/> overlapping requests' names, comma-separated.</summary>
    public const string OverlappingRequests = "overlapping_requests";

    /// <summary>The metadata key of REQUEST_OVERLAPS that counts every overlapping request.</summary>
    public const string OverlappingCount = "overlapping_count";

    /// <summary>
    /// The overlapping requests a refusal and an approval's history entry name; the others are
    /// counted ("and 7 more"), so that neither grows with the state's active requests.
    /// FindAssistanceRequestOverlaps answers with every one.
    /// </summary>
    public const int NamedOverlaps = 5;

    public async Task<StoredAssistanceRequest> ApproveAsync(string name, string id, string expectedEtag, Caller caller, string reason,
        StoredMoney? budget, string overlapConfirmation)
    {
        var found = await OverlapsAsync(id, caller);
        var named = string.Join(",", found.Take(NamedOverlaps).Select(id => AssistanceRequestNames.Request.Format(id)));
        var overlapping = found.Count > NamedOverlaps ? $"{named} and {found.Count - NamedOverlaps} more" : named;
        var confirmation = overlapConfirmation.Trim();
        if (found.Count > 0 && confirmation.Length == 0)
        {
            throw errors.FailedPrecondition(ErrorReasons.RequestOverlaps,
                $"{name} overlaps approved or in-delivery requests of the same state ({overlapping}): confirm with overlap_confirmation, or change course.",
                new Dictionary<string, string>
                {
                    [OverlappingRequests] = named,
                    [OverlappingCount] = found.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
                });
        }

        var recorded = found.Count == 0 ? reason : $"{reason}\nOverlaps {overlapping}; approved regardless: {confirmation}";
        IReadOnlyList<string> changedFields = budget is null ? [] : ["approved_budget"];
        return await changes.ApplyAsync(name, id, expectedEtag, Action.Approve, caller, recorded, changedFields,
            current => current with { CourseProposal = courseMatcher.Pending(), ApprovedBudget = budget });
    }

    // Only a request under review can be approved: for any other the lifecycle's refusal is the answer, not its overlaps.
    private async Task<IReadOnlyList<string>> OverlapsAsync(string id, Caller caller) =>
        await requests.GetAsync(id) is { State: State.UnderReview } current && Access.RequestAccess.MayRead(caller, current)
            ? await overlaps.FindIdsAsync(current)
            : [];
}

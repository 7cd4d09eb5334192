using CapacityBuilding.Assistance.Access;
using CapacityBuilding.Assistance.Domain.History;
using CapacityBuilding.Assistance.Repositories;
using CapacityBuilding.ServiceDefaults.Errors;
using CapacityBuilding.ServiceDefaults.Identity;
using CapacityBuilding.ServiceDefaults.Redis;
using CapacityBuilding.ServiceDefaults.Resources;
using Action = CapacityBuilding.Contracts.Assistance.V1.HistoryEntry.Types.Action;

namespace CapacityBuilding.Assistance.Domain.Requests;

/// <summary>
/// A coordinator's marking of a request as security-sensitive, in any state, with an
/// ACTION_SECURITY_MARKING history entry (who marked it, when and why are on the history): a
/// sensitive request is in no public output (funding leaves it out whatever its state consented)
/// and its state cannot consent while it is marked (<see cref="PublicationConsents"/>). The state
/// decides on publication, but not on what is too sensitive to publish: that is the coordinators'
/// review. Written conditionally on the version read, like every other change.
/// </summary>
public sealed class SecurityMarkings(RedisAssistanceRequestRepository requests, RequestAccess access, ApiErrors errors, TimeProvider clock)
{
    private const int MaxAttempts = 5;

    public async Task<StoredAssistanceRequest> SetAsync(string name, bool sensitive, string reason, string expectedEtag, Caller caller)
    {
        var id = AssistanceRequestNames.Request.Parse(name, "name", errors).RequestId;
        for (var attempt = 1; ; attempt++)
        {
            var current = await requests.GetAsync(id) ?? throw errors.NotFound(AssistanceRequestNames.Request.ResourceType, name);
            access.EnsureMayAccess(caller, current, name);
            if (Etags.IsStale(expectedEtag, current.Etag))
            {
                throw errors.StaleEtag(name);
            }

            // Stored only while marked, so that requests never marked keep their history digest.
            var marked = current with { SecuritySensitive = sensitive ? true : null };
            var (updated, entry) = SubjectEntry.Append(name, marked,
                new HistoryEntryFacts(caller.Subject, clock.GetUtcNow(), Action.SecurityMarking, current.State, reason, ["security_sensitive"]));
            switch (await requests.ReplaceAsync(current, updated, entry))
            {
                case ReplaceOutcome<StoredAssistanceRequest>.Replaced replaced:
                    return replaced.Document;
                case ReplaceOutcome<StoredAssistanceRequest>.NotFound:
                    throw errors.NotFound(AssistanceRequestNames.Request.ResourceType, name);
                case ReplaceOutcome<StoredAssistanceRequest>.Stale when expectedEtag.Length > 0 || attempt >= MaxAttempts:
                    throw errors.StaleEtag(name);
            }
        }
    }
}

using CapacityBuilding.Assistance.Domain.History;
using CapacityBuilding.ServiceDefaults.Identity;
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
public sealed class SecurityMarkings(AnyStateChanges changes, TimeProvider clock)
{
    public Task<StoredAssistanceRequest> SetAsync(string name, bool sensitive, string reason, string expectedEtag, Caller caller) =>
        changes.WriteAsync(name, expectedEtag, caller, current =>
        {
            // Stored only while marked, so that requests never marked keep their history digest.
            var marked = current with { SecuritySensitive = sensitive ? true : null };
            var (updated, entry) = SubjectEntry.Append(name, marked,
                new HistoryEntryFacts(caller.Subject, clock.GetUtcNow(), Action.SecurityMarking, current.State, reason, ["security_sensitive"]));
            return (updated, entry);
        });
}

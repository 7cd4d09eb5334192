using CapacityBuilding.Assistance.Access;
using CapacityBuilding.Assistance.Domain.History;
using CapacityBuilding.Assistance.Repositories;
using CapacityBuilding.ServiceDefaults.Errors;
using CapacityBuilding.ServiceDefaults.Identity;
using CapacityBuilding.ServiceDefaults.Redis;
using CapacityBuilding.ServiceDefaults.Resources;

namespace CapacityBuilding.Assistance.Domain.Requests;

/// <summary>
/// Writes a change a request takes in any of its states, outside the lifecycle (the publication
/// consent, the security marking): reads it, checks the caller's access and the etag, makes the
/// change and writes it (with its history entry, if any) conditionally on the version read;
/// without an etag a conflicting write is made again on the new version.
/// </summary>
public sealed class AnyStateChanges(RedisAssistanceRequestRepository requests, RequestAccess access, ApiErrors errors)
{
    private const int MaxAttempts = 5;

    /// <param name="change">Makes the new version, and its history entry if it has one, from the current one; may throw to refuse it.</param>
    public async Task<StoredAssistanceRequest> WriteAsync(string name, string expectedEtag, Caller caller,
        Func<StoredAssistanceRequest, (StoredAssistanceRequest Updated, StoredHistoryEntry? Entry)> change)
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

            var (updated, entry) = change(current);
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

using CapacityBuilding.Assistance.Access;
using CapacityBuilding.Assistance.Repositories;
using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.ServiceDefaults.Errors;
using CapacityBuilding.ServiceDefaults.Identity;
using CapacityBuilding.ServiceDefaults.Redis;
using CapacityBuilding.ServiceDefaults.Resources;

namespace CapacityBuilding.Assistance.Domain.Requests;

/// <summary>
/// Records the requesting state's consent to publish its request, in any state of the request: only
/// a member state of the request's country may (the permission table admits member states only,
/// <see cref="RequestAccess"/> its own country's requests). Written conditionally on the version
/// read; without an etag a conflicting write is retried on the new version. With its consent the
/// state names the optional parts withheld from public outputs (<see cref="WithheldField"/>). A
/// request a coordinator marked security-sensitive (<see cref="SecurityMarkings"/>) cannot be consented to.
/// </summary>
public sealed class PublicationConsents(RedisAssistanceRequestRepository requests, RequestAccess access, ApiErrors errors, TimeProvider clock)
{
    private const int MaxAttempts = 5;

    public async Task<StoredAssistanceRequest> SetAsync(string name, bool publish, IReadOnlyCollection<WithheldField> withheldFields, string expectedEtag, Caller caller)
    {
        var id = AssistanceRequestNames.Request.Parse(name, "name", errors).RequestId;
        // What is withheld only matters while the request is published; withdrawing consent forgets it.
        IReadOnlyList<WithheldField>? withheld = publish && withheldFields.Count > 0 ? [.. withheldFields.Order()] : null;
        for (var attempt = 1; ; attempt++)
        {
            var current = await requests.GetAsync(id) ?? throw errors.NotFound(AssistanceRequestNames.Request.ResourceType, name);
            access.EnsureMayAccess(caller, current, name);
            if (Etags.IsStale(expectedEtag, current.Etag))
            {
                throw errors.StaleEtag(name);
            }

            // Withdrawing consent stays possible: it only makes the request more private.
            if (publish && current.SecuritySensitive == true)
            {
                throw errors.FailedPrecondition(ErrorReasons.RequestSecuritySensitive,
                    $"{name} is marked security-sensitive by a coordinator: it is never published, so consent to publish it cannot be given.");
            }

            var now = clock.GetUtcNow();
            var updated = current with { PublicationConsent = new StoredPublicationConsent(publish, caller.Subject, now, withheld), UpdateTime = now, Etag = Etags.New() };
            switch (await requests.ReplaceAsync(current, updated, null))
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

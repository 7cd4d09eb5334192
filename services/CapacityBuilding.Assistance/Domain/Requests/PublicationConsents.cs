using CapacityBuilding.Assistance.Access;
using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.ServiceDefaults.Errors;
using CapacityBuilding.ServiceDefaults.Identity;
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
public sealed class PublicationConsents(AnyStateChanges changes, ApiErrors errors, TimeProvider clock)
{
    public Task<StoredAssistanceRequest> SetAsync(string name, bool publish, IReadOnlyCollection<WithheldField> withheldFields, string expectedEtag, Caller caller)
    {
        // What is withheld only matters while the request is published; withdrawing consent forgets it.
        IReadOnlyList<WithheldField>? withheld = publish && withheldFields.Count > 0 ? [.. withheldFields.Order()] : null;
        return changes.WriteAsync(name, expectedEtag, caller, current =>
        {
            // Withdrawing consent stays possible: it only makes the request more private.
            if (publish && current.SecuritySensitive == true)
            {
                throw errors.FailedPrecondition(ErrorReasons.RequestSecuritySensitive,
                    $"{name} is marked security-sensitive by a coordinator: it is never published, so consent to publish it cannot be given.");
            }

            var now = clock.GetUtcNow();
            return (current with { PublicationConsent = new StoredPublicationConsent(publish, caller.Subject, now, withheld), UpdateTime = now, Etag = Etags.New() }, null);
        });
    }
}

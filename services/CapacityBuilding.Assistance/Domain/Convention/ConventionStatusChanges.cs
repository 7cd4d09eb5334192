using CapacityBuilding.Assistance.Repositories;
using CapacityBuilding.ServiceDefaults.Errors;
using CapacityBuilding.ServiceDefaults.Resources;

namespace CapacityBuilding.Assistance.Domain.Convention;

/// <summary>
/// Changes a state's status toward the Convention: the new version is made from the stored one
/// (or from nothing, when the caller allows a missing one) and written only if the stored one is
/// still that version. A caller that sent an etag gets ABORTED when it is stale; without one, a
/// lost race is made again from the new version.
/// </summary>
public sealed class ConventionStatusChanges(RedisConventionStatusRepository statuses, ApiErrors errors, TimeProvider clock)
{
    private const int MaxAttempts = 5;

    /// <param name="edit">Makes the new version from the stored one (null when there is none); may throw to refuse it.</param>
    public async Task<StoredConventionStatus> UpdateAsync(string name, string country, string expectedEtag, bool allowMissing,
        Func<StoredConventionStatus?, StoredConventionStatus> edit)
    {
        for (var attempt = 1; ; attempt++)
        {
            var current = await statuses.GetAsync(country);
            if (current is null && !allowMissing)
            {
                throw errors.NotFound(ConventionStatusNames.ResourceType, name);
            }

            if (Etags.IsStale(expectedEtag, current?.Etag ?? ""))
            {
                throw errors.StaleEtag(name);
            }

            var updated = edit(current) with { Country = country, UpdateTime = clock.GetUtcNow(), Etag = Etags.New() };
            if (await statuses.WriteAsync(current, updated))
            {
                return updated;
            }

            if (expectedEtag.Length > 0 || attempt >= MaxAttempts)
            {
                throw errors.StaleEtag(name);
            }
        }
    }
}

using CapacityBuilding.ServiceDefaults.Errors;
using CapacityBuilding.ServiceDefaults.Identity;
using Grpc.Core;

namespace CapacityBuilding.Funding.Access;

/// <summary>
/// A donor caller sees and acts on its own money only: its donor record, pledges, allocations and
/// their disbursements, and in reports its own figures (<see cref="DonorRequestAccess"/> adds the
/// requests that money funds). Other roles are not limited by it.
/// </summary>
public sealed class DonorOwnership(ApiErrors errors)
{
    /// <summary>
    /// NOT_FOUND, word for word as for a resource that does not exist, when a donor names another
    /// donor's resource, so that ids cannot be probed.
    /// </summary>
    public void EnsureVisible(ServerCallContext context, string donorId, string resourceType, string resourceName)
    {
        if (!Owns(context.GetCaller(), donorId))
        {
            throw errors.NotFound(resourceType, resourceName);
        }
    }

    /// <summary>Whether money of donor <paramref name="donorId"/> is the caller's to see.</summary>
    public static bool Owns(Caller caller, string donorId) =>
        caller.Role != CallerRole.Donor || string.Equals(caller.DonorId, donorId, StringComparison.Ordinal);
}

using CapacityBuilding.ServiceDefaults.Errors;
using CapacityBuilding.ServiceDefaults.Identity;
using Grpc.Core;

namespace CapacityBuilding.Funding.Access;

/// <summary>A donor caller acts only on its own donor id; other roles are not limited by it.</summary>
public sealed class DonorOwnership(ApiErrors errors)
{
    public void Ensure(ServerCallContext context, string donorId)
    {
        if (!MayAct(context, donorId))
        {
            throw errors.PermissionDenied("A donor may only act on its own donor record, pledges and allocations.");
        }
    }

    public static bool MayAct(ServerCallContext context, string donorId)
    {
        var caller = context.GetCaller();
        return caller.Role != CallerRole.Donor || caller.DonorId == donorId;
    }
}

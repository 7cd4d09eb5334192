using CapacityBuilding.Assistance.Domain.Offers;
using CapacityBuilding.Assistance.Domain.Requests;
using CapacityBuilding.ServiceDefaults.Errors;
using CapacityBuilding.ServiceDefaults.Identity;

namespace CapacityBuilding.Assistance.Access;

/// <summary>
/// Who sees and answers which offers, after <see cref="AssistancePermissions"/> has let the role
/// in. Another country never learns that a request's offers exist: its focal point gets NOT_FOUND
/// as for a missing request, whatever it asks. A donor sees only offers of its own money (funding
/// packages from its pledges), proposes only from its own pledges, and withdraws only what it
/// proposed. Coordinators and auditors see every offer.
/// </summary>
public sealed class OfferAccess(ApiErrors errors)
{
    /// <summary>NOT_FOUND, naming the request, when the caller is a focal point of another country.</summary>
    public void EnsureMayReachRequest(Caller caller, StoredAssistanceRequest request)
    {
        if (!RequestAccess.MayRead(caller, request))
        {
            throw errors.NotFound(AssistanceRequestNames.Request.ResourceType, AssistanceRequestNames.Request.Format(request.Id));
        }
    }

    /// <summary>NOT_FOUND, as if it did not exist, unless the caller may see the offer.</summary>
    public void EnsureMaySee(Caller caller, StoredAssistanceRequest request, StoredOffer offer)
    {
        if (!RequestAccess.MayRead(caller, request) || !MaySee(caller, offer))
        {
            throw errors.NotFound(OfferNames.Offer.ResourceType, offer.Name);
        }
    }

    /// <summary>Whether the caller may see the offer of a request it may read: a donor only those of its own money.</summary>
    public static bool MaySee(Caller caller, StoredOffer offer) =>
        caller.Role != CallerRole.Donor || string.Equals(offer.DonorId, caller.DonorId, StringComparison.Ordinal);

    /// <summary>PERMISSION_DENIED unless the caller may propose this: a donor proposes money from its own pledges only.</summary>
    public void EnsureMayPropose(Caller caller, StoredOffer offer)
    {
        if (caller.Role != CallerRole.Donor)
        {
            return;
        }

        if (offer.FundingPackage is null)
        {
            throw errors.PermissionDenied("Donors offer funding from their own pledges; seats are offered by coordinators.");
        }

        if (!MaySee(caller, offer))
        {
            throw errors.PermissionDenied($"A donor offers money from its own pledges only (donors/{caller.DonorId}/pledges/...).");
        }
    }

    /// <summary>PERMISSION_DENIED unless the caller may withdraw the offer: a coordinator, or the donor that proposed it.</summary>
    public void EnsureMayWithdraw(Caller caller, StoredOffer offer)
    {
        if (caller.Role == CallerRole.Donor && offer.Proposer != ProposerOf(caller))
        {
            throw errors.PermissionDenied($"A donor withdraws only the offers it proposed; {offer.Name} was proposed by a coordinator.");
        }
    }

    /// <summary>How an offer names who proposed it: <c>donors/{donor}</c> for a donor, the subject otherwise.</summary>
    public static string ProposerOf(Caller caller) =>
        caller.Role == CallerRole.Donor ? AssistanceRequestNames.Donor.Format(caller.DonorId!) : caller.Subject;
}

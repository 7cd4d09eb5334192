using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.ServiceDefaults.Identity;
using RequestState = CapacityBuilding.Contracts.Assistance.V1.AssistanceRequest.Types.State;

namespace CapacityBuilding.Portal.Components.Pages.Offers;

/// <summary>
/// The offer actions a page shows its reader, by role and state as the assistance service's
/// access table gives them (a convenience: the service decides, and refuses another country).
/// </summary>
public static class OfferActions
{
    /// <summary>The requesting state's focal point answers an open offer.</summary>
    public static bool Answers(Caller? caller, Offer offer) => caller?.Role == CallerRole.MemberState && offer.State == Offer.Types.State.Open;

    /// <summary>Coordinators, or the donor whose pledge the offer draws on, withdraw an open offer.</summary>
    public static bool Withdraws(Caller? caller, Offer offer) =>
        offer.State == Offer.Types.State.Open
        && (caller?.Role == CallerRole.Coordinator
            || (caller?.Role == CallerRole.Donor && offer.FundingPackage?.Pledge.StartsWith($"donors/{caller.DonorId}/", StringComparison.Ordinal) == true));

    /// <summary>Offers are made on approved or in-delivery requests, by coordinators and donors.</summary>
    public static bool Makes(Caller? caller, RequestState state) =>
        caller?.Role is CallerRole.Coordinator or CallerRole.Donor && state is RequestState.Approved or RequestState.InDelivery;
}

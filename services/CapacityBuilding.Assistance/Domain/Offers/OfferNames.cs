using CapacityBuilding.ServiceDefaults.Resources;

namespace CapacityBuilding.Assistance.Domain.Offers;

/// <summary>The names an offer has and refers to.</summary>
public static class OfferNames
{
    public static readonly ResourceName<OfferName> Offer = new("Offer", "requests/{request}/offers/{offer}", ids => new(ids[0], ids[1]));

    /// <summary>The training service's session names, of the seats an offer proposes.</summary>
    public static readonly ResourceName<SessionName> Session = new("Session", "courses/{course}/sessions/{session}", ids => new(ids[0], ids[1]));

    /// <summary>The funding service's pledge names, of the money an offer proposes.</summary>
    public static readonly ResourceName<PledgeName> Pledge = new("Pledge", "donors/{donor}/pledges/{pledge}", ids => new(ids[0], ids[1]));
}

/// <summary><c>requests/{request}/offers/{offer}</c></summary>
public sealed record OfferName(string RequestId, string OfferId);

/// <summary><c>courses/{course}/sessions/{session}</c>, of the training service.</summary>
public sealed record SessionName(string CourseId, string SessionId);

/// <summary><c>donors/{donor}/pledges/{pledge}</c>, of the funding service.</summary>
public sealed record PledgeName(string DonorId, string PledgeId);

using CapacityBuilding.Contracts.Training.V1;
using CapacityBuilding.ServiceDefaults.Identity;

namespace CapacityBuilding.Training.Domain.Experts;

/// <summary>
/// What of an expert a caller sees. A member state needs only what lets it accept an offer of the
/// expert (who, which languages, which expertise), and only for an expert booked on an event of one
/// of its own requests; the contact details, nationality, status and availability stay with the
/// coordinators.
/// </summary>
public static class ExpertVisibility
{
    public static bool IsVisibleTo(Caller caller, IEnumerable<ExpertBooking> bookings) =>
        caller.Role != CallerRole.MemberState || bookings.Any(booking => booking.Country == caller.Country);

    public static Expert Redact(Caller caller, Expert expert) => caller.Role != CallerRole.MemberState ? expert : new Expert
    {
        Name = expert.Name,
        DisplayName = expert.DisplayName,
        Languages = { expert.Languages },
        ThematicAreas = { expert.ThematicAreas },
        ConventionArticles = { expert.ConventionArticles },
    };
}

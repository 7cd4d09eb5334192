using CapacityBuilding.Contracts.Training.V1;
using CapacityBuilding.ServiceDefaults.Resources;
using CapacityBuilding.ServiceDefaults.Validation;
using CapacityBuilding.Training.Domain.Courses;

namespace CapacityBuilding.Training.Domain.SeatHolds;

/// <summary>
/// The rules of a new seat hold that its proto's annotations cannot state: a country from the ISO
/// 3166 list, a well-formed offer name and hold id. Every broken rule is reported.
/// </summary>
public sealed class SeatHoldValidator : IRequestRules<CreateSeatHoldRequest>
{
    public void AddViolations(CreateSeatHoldRequest request, FieldViolations violations)
    {
        if (request.SeatHold is not { } hold)
        {
            violations.Add("seat_hold", "is required.");
            return;
        }

        violations.RequireCountry("seat_hold.country", hold.Country);
        if (hold.Offer.Length > 0 && CourseNames.Offer.TryParse(hold.Offer) is null)
        {
            violations.Add("seat_hold.offer", $"must be a resource name of the form {CourseNames.Offer.Pattern}.");
        }

        if (request.SeatHoldId.Length > 0 && !ResourceIds.IsWellFormed(request.SeatHoldId))
        {
            violations.Add("seat_hold_id", "must be 32 lower-case hexadecimal characters.");
        }
    }
}

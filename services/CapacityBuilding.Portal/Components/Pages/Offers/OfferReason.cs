using CapacityBuilding.Portal.Components.Shared;

namespace CapacityBuilding.Portal.Components.Pages.Offers;

/// <summary>
/// The reason field of a decline or a withdrawal. Both forms sit on one page, so each names its
/// textarea apart (<c>decline-reason</c>, <c>withdraw-reason</c>) and its summary links there.
/// </summary>
public static class OfferReason
{
    // The field the service names in its violation of a missing reason.
    public const string Field = "reason";

    /// <summary>The errors with the reason's link pointing at the given form's textarea.</summary>
    public static FormErrors? At(FormErrors? errors, string inputId) =>
        errors is null ? null : errors with { Fields = [.. errors.Fields.Select(error => error.Field == Field ? error with { InputId = inputId } : error)] };
}

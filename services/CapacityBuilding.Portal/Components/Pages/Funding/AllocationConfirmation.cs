namespace CapacityBuilding.Portal.Components.Pages.Funding;

/// <summary>
/// The confirming step's form: only the idempotency key (AIP-155) made when the step was shown,
/// so that the same confirmation sent twice (a double click, a resent form) allocates once.
/// </summary>
public sealed class AllocationConfirmation
{
    public string IdempotencyKey { get; set; } = "";
}

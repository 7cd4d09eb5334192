namespace CapacityBuilding.Portal.Components.Pages.Funding;

/// <summary>
/// The record-a-disbursement form as typed: the amount in the user's culture, the day as a date
/// input sends it, and the idempotency key made when the form was shown (one disbursement per form).
/// </summary>
public sealed class DisbursementForm
{
    public string IdempotencyKey { get; set; } = "";

    public string? Amount { get; set; }

    public string? Date { get; set; }

    public string? Description { get; set; }
}

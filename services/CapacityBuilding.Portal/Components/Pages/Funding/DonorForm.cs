using CapacityBuilding.Contracts.Funding.V1;

namespace CapacityBuilding.Portal.Components.Pages.Funding;

/// <summary>The new-donor form as typed, with the idempotency key made when it was shown.</summary>
public sealed class DonorForm
{
    public string IdempotencyKey { get; set; } = "";

    public string? DisplayName { get; set; }

    public Donor.Types.Kind Kind { get; set; }

    public string? Country { get; set; }

    public string? IatiIdentifier { get; set; }
}

using Kind = CapacityBuilding.Contracts.Funding.V1.Donor.Types.Kind;

namespace CapacityBuilding.Funding.Domain.Donors;

/// <summary>A donor as the funding service stores it.</summary>
public sealed record StoredDonor(
    string Id,
    string DisplayName,
    Kind Kind,
    string Country,
    DateTimeOffset CreateTime,
    string Etag,
    string IatiIdentifier = "");

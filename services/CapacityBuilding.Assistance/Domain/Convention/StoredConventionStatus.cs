using Status = CapacityBuilding.Contracts.Assistance.V1.ConventionStatus.Types.Status;

namespace CapacityBuilding.Assistance.Domain.Convention;

/// <summary>A state's status toward the Convention as the service stores it.</summary>
public sealed record StoredConventionStatus(
    string Country,
    Status Status,
    DateOnly? SignatureDate,
    DateOnly? ConsentDate,
    string Source,
    DateTimeOffset UpdateTime,
    string Etag);

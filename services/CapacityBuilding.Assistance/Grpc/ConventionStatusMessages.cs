using CapacityBuilding.Assistance.Domain.Convention;
using CapacityBuilding.Contracts.Assistance.V1;
using CapacityBuilding.ServiceDefaults.FieldMasks;
using CapacityBuilding.ServiceDefaults.Validation;
using Google.Protobuf.WellKnownTypes;

namespace CapacityBuilding.Assistance.Grpc;

/// <summary>Translates between the stored status toward the Convention and its API message.</summary>
internal static class ConventionStatusMessages
{
    /// <summary>The fields UpdateConventionStatus may change, as update mask paths.</summary>
    public static readonly UpdatableFields<ConventionStatus> UpdatableFields = new(
        ["status", "signature_date", "consent_date", "source"],
        rejection: path => $"'{path}' is not an editable field of ConventionStatus.");

    public static ConventionStatus ToMessage(this StoredConventionStatus status) => new()
    {
        Name = ConventionStatusNames.Format(status.Country),
        Status = status.Status,
        SignatureDate = CalendarDates.ToMessage(status.SignatureDate),
        ConsentDate = CalendarDates.ToMessage(status.ConsentDate),
        Source = status.Source,
        UpdateTime = Timestamp.FromDateTimeOffset(status.UpdateTime),
        Etag = status.Etag,
    };

    /// <summary>The stored status with the caller-writable fields of a validated message.</summary>
    public static StoredConventionStatus ToStored(this ConventionStatus message, string country) => new(
        country, message.Status, CalendarDates.TryParse(message.SignatureDate), CalendarDates.TryParse(message.ConsentDate),
        message.Source.Trim(), default, "");
}

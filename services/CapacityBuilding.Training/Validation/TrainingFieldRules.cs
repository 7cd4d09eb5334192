using CapacityBuilding.ServiceDefaults.Validation;
using Google.Protobuf.WellKnownTypes;

namespace CapacityBuilding.Training.Validation;

/// <summary>Field rules the training service needs beyond the shared ones.</summary>
internal static class TrainingFieldRules
{
    // The range google.protobuf.Timestamp allows: 0001-01-01T00:00:00Z to 9999-12-31T23:59:59Z.
    private const long TimestampMinSeconds = -62_135_596_800;
    private const long TimestampMaxSeconds = 253_402_300_799;

    public static void RequireRange(this FieldViolations violations, string field, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            violations.Add(field, value == 0 && min > 0 ? $"is required: {min} to {max}." : $"must be between {min} and {max} (was {value}).");
        }
    }

    /// <summary>An optional list of defined, distinct enum values: empty is fine.</summary>
    public static void OptionalEnumSet<TEnum>(this FieldViolations violations, string field, IReadOnlyList<TEnum> values)
        where TEnum : struct, System.Enum
    {
        if (values.Count > 0)
        {
            violations.RequireEnumSet(field, values);
        }
    }

    public static void OptionalLanguages(this FieldViolations violations, string field, IReadOnlyList<string> values)
    {
        if (values.Count > 0)
        {
            violations.RequireLanguages(field, values);
        }
    }

    public static void RequireTimestamp(this FieldViolations violations, string field, Timestamp? value)
    {
        if (value is null)
        {
            violations.Add(field, "is required.");
        }
        else if (value.Seconds < TimestampMinSeconds || value.Seconds > TimestampMaxSeconds || value.Nanos is < 0 or > 999_999_999)
        {
            violations.Add(field, "is not a valid timestamp.");
        }
    }

    /// <summary>A complete calendar date (year, month and day all set and real), if present.</summary>
    public static DateOnly? OptionalDate(this FieldViolations violations, string field, Google.Type.Date? value)
    {
        if (value is null)
        {
            return null;
        }

        if (value.Year is < 1 or > 9999 || value.Month is < 1 or > 12 || value.Day < 1 || value.Day > DateTime.DaysInMonth(value.Year, value.Month))
        {
            violations.Add(field, "must be a complete calendar date (year, month and day).");
            return null;
        }

        return new DateOnly(value.Year, value.Month, value.Day);
    }
}

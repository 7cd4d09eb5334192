using CapacityBuilding.ServiceDefaults.Validation;

namespace CapacityBuilding.Training.Validation;

/// <summary>Field rules the training service needs beyond the shared ones.</summary>
internal static class TrainingFieldRules
{
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

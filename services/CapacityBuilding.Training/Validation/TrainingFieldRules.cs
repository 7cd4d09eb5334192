using CapacityBuilding.ServiceDefaults.Validation;

namespace CapacityBuilding.Training.Validation;

/// <summary>Field rules the training service needs beyond the shared ones.</summary>
internal static class TrainingFieldRules
{
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

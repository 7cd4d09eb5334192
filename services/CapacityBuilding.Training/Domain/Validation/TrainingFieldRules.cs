using CapacityBuilding.ServiceDefaults.Validation;

namespace CapacityBuilding.Training.Domain.Validation;

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

        var date = CalendarDates.TryParse(value);
        if (date is null)
        {
            violations.Add(field, "must be a complete calendar date (year, month and day).");
        }

        return date;
    }
}

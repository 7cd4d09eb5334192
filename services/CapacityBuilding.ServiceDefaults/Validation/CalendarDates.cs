
namespace CapacityBuilding.ServiceDefaults.Validation;

/// <summary>google.type.Date to and from <see cref="DateOnly"/>, for every service: only full, real calendar days are accepted.</summary>
public static class CalendarDates
{
    public static DateOnly? TryParse(Google.Type.Date? date)
    {
        if (date is null || date.Year is < 1 or > 9999 || date.Month is < 1 or > 12 || date.Day < 1
            || date.Day > DateTime.DaysInMonth(date.Year, date.Month))
        {
            return null;
        }

        return new DateOnly(date.Year, date.Month, date.Day);
    }

    public static Google.Type.Date ToMessage(DateOnly date) => new() { Year = date.Year, Month = date.Month, Day = date.Day };

    public static Google.Type.Date? ToMessage(DateOnly? date) => date is { } day ? ToMessage(day) : null;

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>The day, or a violation naming <paramref name="field"/> (when <paramref name="required"/> or set).</summary>
    public static DateOnly? Require(this FieldViolations violations, string field, Google.Type.Date? date, bool required = true)
    {
        if (date is null)
        {
            if (required)
            {
                violations.Add(field, "is required: a full date (year, month, day).");
            }

            return null;
        }

        var parsed = TryParse(date);
        if (parsed is null)
        {
            violations.Add(field, $"{date.Year:D4}-{date.Month:D2}-{date.Day:D2} is not a calendar day.");
        }

        return parsed;
    }
}

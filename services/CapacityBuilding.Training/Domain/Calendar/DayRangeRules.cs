using CapacityBuilding.ServiceDefaults.Validation;

namespace CapacityBuilding.Training.Domain.Calendar;

/// <summary>The rule every period of days follows (availability, events): two real days, the last not before the first.</summary>
internal static class DayRangeRules
{
    /// <param name="field">The message holding <c>start_date</c> and <c>end_date</c>; empty for the request itself.</param>
    /// <returns>The range when both days are real and in order; null otherwise (with the violations added).</returns>
    public static DayRange? RequireDayRange(this FieldViolations violations, string field, Google.Type.Date? start, Google.Type.Date? end)
    {
        var prefix = field.Length == 0 ? "" : field + ".";
        var first = violations.Require($"{prefix}start_date", start);
        var last = violations.Require($"{prefix}end_date", end);
        if (first is not { } from || last is not { } until)
        {
            return null;
        }

        if (until < from)
        {
            violations.Add($"{prefix}end_date", "must not be before start_date.");
            return null;
        }

        return new DayRange(from, until);
    }
}

using System.Globalization;

namespace CapacityBuilding.Portal.Components.Pages.Triage;

/// <summary>A <c>google.type.Date</c> in the user's culture's short date; empty when not a full date.</summary>
public static class TriageDates
{
    public static string Format(Google.Type.Date date) =>
        date is { Year: > 0, Month: >= 1 and <= 12, Day: >= 1 } && date.Day <= DateTime.DaysInMonth(date.Year, date.Month)
            ? new DateOnly(date.Year, date.Month, date.Day).ToString("d", CultureInfo.CurrentCulture)
            : "";
}

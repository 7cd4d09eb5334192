using System.Globalization;

namespace CapacityBuilding.Portal.Components.Pages.Convention;

/// <summary>google.type.Date in the user's culture, and as a date input sends and shows it.</summary>
public static class ConventionDates
{
    // What <input type="date"> sends, whatever the user's culture.
    private const string InputFormat = "yyyy-MM-dd";

    public static string Format(Google.Type.Date? date) =>
        date is { Year: > 0 } ? new DateOnly(date.Year, date.Month, date.Day).ToString("d", CultureInfo.CurrentCulture) : "";

    public static string ToInput(Google.Type.Date? date) =>
        date is { Year: > 0 } ? new DateOnly(date.Year, date.Month, date.Day).ToString(InputFormat, CultureInfo.InvariantCulture) : "";

    public static Google.Type.Date? Parse(string? input) =>
        DateOnly.TryParseExact(input, InputFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? new Google.Type.Date { Year = day.Year, Month = day.Month, Day = day.Day }
            : null;
}
